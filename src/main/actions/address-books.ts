/**
 * What the Address books window does, over the store and the import actions: list every source
 * with its state, and act on one by its id (a page can name nothing but an id from the list,
 * so "show in folder" can only ever reveal a known source's file). Removing tombstones the
 * source's contacts and tells the widget through the normal incremental sync. No Electron here:
 * dialogs and the file manager come in as functions.
 */
import { existsSync } from 'node:fs';
import type { AddressBookRow, WidgetCommand } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import type { ContactStore, SourceRow } from '../contacts/store';

export interface AddressBooksDeps {
  store: Pick<ContactStore, 'listSources' | 'getSourceById' | 'removeSource' | 'repathSource' | 'setSourceWatching'>;
  sendCommand: (command: WidgetCommand) => void;
  /** Imports (or re-imports) files through the usual import action (worker, summary, widget sync). */
  importPaths: (paths: string[]) => Promise<void>;
  importContacts: () => Promise<void>;
  confirmRemove: (source: SourceRow) => Promise<boolean>;
  /** Asks where a missing file is now; null when cancelled. */
  chooseNewPath: (source: SourceRow) => Promise<string | null>;
  showInFolder: (path: string) => void;
  /** Sources changed: the window lists them again, and the file watcher re-arms. */
  changed: () => void;
  exists?: (path: string) => boolean;
}

export interface AddressBooks {
  list(): AddressBookRow[];
  sync(id: number): Promise<Result<void>>;
  remove(id: number): Promise<Result<void>>;
  reveal(id: number): Result<void>;
  locate(id: number): Promise<Result<void>>;
  setWatching(id: number, watching: boolean): Result<void>;
  importFiles(): Promise<Result<void>>;
}

const isFile = (source: SourceRow): boolean => source.kind === 'file';

export function describeOutcome(source: Pick<SourceRow, 'lastSyncedAt' | 'added' | 'updated' | 'deleted' | 'unchanged'>): string {
  if (!source.lastSyncedAt) return 'never synced';
  return `${source.added} added, ${source.updated} updated, ${source.deleted} deleted, ${source.unchanged} unchanged`;
}

export function createAddressBooks(deps: AddressBooksDeps): AddressBooks {
  const exists = deps.exists ?? existsSync;
  const find = (id: number): Result<SourceRow> => {
    const source = deps.store.getSourceById(id);
    return source ? ok(source) : fail('not-found', 'this address book is no longer there');
  };
  const fileSource = (id: number): Result<SourceRow> => {
    const found = find(id);
    if (found.ok && !isFile(found.value)) return fail('bad-request', 'only a file source has a file');
    return found;
  };
  return {
    list: () =>
      deps.store.listSources()
        .filter((s) => s.kind !== 'manual')
        .map((s) => ({
          id: s.id,
          path: s.path,
          kind: s.kind,
          format: s.format,
          contactCount: s.contactCount,
          lastSyncedAt: s.lastSyncedAt,
          outcome: describeOutcome(s),
          missing: isFile(s) && !exists(s.path),
          watching: isFile(s) && s.watching,
        })),
    async sync(id) {
      const found = fileSource(id);
      if (!found.ok) return found;
      if (!exists(found.value.path)) return fail('not-found', `the file is missing: ${found.value.path}`);
      await deps.importPaths([found.value.path]);
      deps.changed();
      return ok(undefined);
    },
    async remove(id) {
      const found = find(id);
      if (!found.ok) return found;
      if (!(await deps.confirmRemove(found.value))) return ok(undefined);
      const removed = deps.store.removeSource(id);
      if (!removed) return fail('not-found', 'this address book is no longer there');
      deps.sendCommand({ kind: 'sync-contacts', changedNumbers: removed.changedNumbers });
      deps.sendCommand({ kind: 'status', text: `Removed ${found.value.path}: ${removed.deleted} contacts.` });
      deps.changed();
      return ok(undefined);
    },
    reveal(id) {
      const found = fileSource(id);
      if (!found.ok) return found;
      deps.showInFolder(found.value.path);
      return ok(undefined);
    },
    async locate(id) {
      const found = fileSource(id);
      if (!found.ok) return found;
      const path = await deps.chooseNewPath(found.value);
      if (path === null) return ok(undefined);
      const moved = deps.store.repathSource(id, path);
      if (moved === 'taken') return fail('bad-request', `another address book already reads ${path}`);
      if (moved === 'not-found') return fail('not-found', 'this address book is no longer there');
      await deps.importPaths([path]);
      deps.changed();
      return ok(undefined);
    },
    setWatching(id, watching) {
      const found = fileSource(id);
      if (!found.ok) return found;
      deps.store.setSourceWatching(id, watching);
      deps.changed();
      return ok(undefined);
    },
    async importFiles() {
      await deps.importContacts();
      deps.changed();
      return ok(undefined);
    },
  };
}
