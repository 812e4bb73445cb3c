/**
 * A copy of the address book before an upgrade migrates it, so a failed or unwanted upgrade
 * can be undone by hand: the shell calls backupBeforeMigration() just before openDatabase().
 * Only a file that a migration is about to change is copied, and only the newest few copies
 * are kept. Plain Node: paths come in as parameters, so tests run on real files.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { fail, ok, type Result } from '../shared/result';

/** The app's schema version; `keep` and `now` have defaults. */
export interface BackupOptions {
  /** The newest schema version this app migrates to (LATEST_VERSION of the migrations). */
  appSchemaVersion: number;
  /** How many backups of this database to keep; older ones are deleted. Default 5. */
  keep?: number;
  now?: () => Date;
}

/** The copy made, or why none was needed. */
export type BackupOutcome =
  | { backedUp: true; path: string; fromVersion: number; removed: string[] }
  | { backedUp: false; reason: 'no-database' | 'empty' | 'up-to-date' | 'newer-than-app'; fromVersion: number };

interface FileState {
  version: number;
  tables: number;
}

function readState(dbPath: string): FileState {
  const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    return { version, tables };
  } finally {
    db.close();
  }
}

/** `contacts-2026-11-25T13-40-00-000Z-v1.db`: timestamp first, so names sort by age. */
function backupName(dbPath: string, at: Date, version: number): string {
  const ext = extname(dbPath) || '.db';
  const stem = basename(dbPath, extname(dbPath));
  return `${stem}-${at.toISOString().replace(/[:.]/g, '-')}-v${version}${ext}`;
}

/** The backups of `dbPath` in `backupsDir`, oldest first. */
export function listBackups(dbPath: string, backupsDir: string): string[] {
  if (!existsSync(backupsDir)) return [];
  const stem = basename(dbPath, extname(dbPath));
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-v\\d+\\.[^.]+$`);
  return readdirSync(backupsDir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(backupsDir, name));
}

/**
 * Copies `dbPath` into `backupsDir` when its schema is older than the app's (a migration is
 * about to run), then keeps only the newest `keep` copies. VACUUM INTO makes the copy: one
 * consistent, compact file that includes pages still in the WAL, through a read-only
 * connection that cannot change the original.
 */
export function backupBeforeMigration(dbPath: string, backupsDir: string, options: BackupOptions): Result<BackupOutcome> {
  if (!existsSync(dbPath)) return ok({ backedUp: false, reason: 'no-database', fromVersion: 0 });
  const keep = Math.max(1, options.keep ?? 5);
  let partial: string | null = null;
  try {
    const state = readState(dbPath);
    const skip = (reason: 'empty' | 'up-to-date' | 'newer-than-app') => ok<BackupOutcome>({ backedUp: false, reason, fromVersion: state.version });
    if (state.version === options.appSchemaVersion) return skip('up-to-date');
    // openDatabase refuses a newer file without touching it, so there is nothing to protect.
    if (state.version > options.appSchemaVersion) return skip('newer-than-app');
    if (state.version === 0 && state.tables === 0) return skip('empty');

    mkdirSync(backupsDir, { recursive: true });
    const path = join(backupsDir, backupName(dbPath, (options.now ?? (() => new Date()))(), state.version));
    partial = `${path}.partial`;
    rmSync(partial, { force: true });
    const db = new Sqlite(dbPath, { readonly: true, fileMustExist: true });
    try {
      db.prepare('VACUUM INTO ?').run(partial);
    } finally {
      db.close();
    }
    // Renamed only once complete, so a crash never leaves a truncated file that looks like a backup.
    renameSync(partial, path);
    partial = null;
    const all = listBackups(dbPath, backupsDir);
    const removed = all.slice(0, Math.max(0, all.length - keep));
    for (const old of removed) rmSync(old, { force: true });
    return ok({ backedUp: true, path, fromVersion: state.version, removed });
  } catch (error) {
    if (partial) rmSync(partial, { force: true });
    return fail('internal', `Could not back up the address book before upgrading it: ${(error as Error).message}`);
  }
}
