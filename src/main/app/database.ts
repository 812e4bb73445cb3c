/**
 * Opening the address book at startup. A database from a newer app version gets Signal's
 * treatment: the error can be copied and the app quits; deleting is deliberately not offered.
 * Before an upgrade migrates the file, a backup copy is made.
 */
import path from 'node:path';
import type { Clipboard, Dialog } from 'electron';
import { backupBeforeMigration } from '../db-backup';
import { isDatabaseTooNewError, openDatabase, type Database } from '../contacts/db/open';
import { LATEST_VERSION } from '../contacts/db/migrations';

export interface OpenAtStartupDeps {
  dbPath: string;
  dialog: Pick<Dialog, 'showMessageBoxSync' | 'showErrorBox'>;
  clipboard: Pick<Clipboard, 'writeText'>;
  log: (message: string) => void;
}

/** Opens the database, or shows why it cannot and returns null (the caller quits). */
export function openDatabaseAtStartup({ dbPath, dialog, clipboard, log }: OpenAtStartupDeps): Database | null {
  const backup = backupBeforeMigration(dbPath, path.join(path.dirname(dbPath), 'backups'), { appSchemaVersion: LATEST_VERSION });
  if (!backup.ok) log(`backup before migration failed: ${backup.error.message}`);
  try {
    return openDatabase(dbPath);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`cannot open ${dbPath}: ${message}`);
    if (isDatabaseTooNewError(error)) {
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: 'Contacts Softphone',
        message: 'Your address book was saved by a newer version of Contacts Softphone.',
        detail: `${message}\n\nStart the newer version of the app. Your address book was not changed.`,
        buttons: ['Copy error and quit', 'Quit'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (choice === 0) clipboard.writeText(message);
    } else {
      dialog.showErrorBox('Contacts Softphone', `The address book could not be opened:\n${message}`);
    }
    return null;
  }
}
