/**
 * What the Address books window does, over the store, the CardDAV core and the import actions:
 * list every source with its state, and act on one by its id (a page can name nothing but an
 * id from the list, so "show in folder" can only ever reveal a known source's file). Removing
 * tombstones the source's contacts and tells the widget through the normal incremental sync.
 * A CardDAV account is added from a login the page sends: discovery first (nothing stored),
 * then the picked books; its password goes straight to the CardDAV core's secrets (the
 * keychain) and nowhere else. No Electron here: dialogs and the file manager come in as
 * functions.
 */
import { existsSync } from 'node:fs';
import type { AddressBookRow, CardDavBookInfo, CardDavLogin, FoundBook, WidgetCommand } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import { describeError, type CardDav } from '../contacts/carddav';
import type { CountryCode } from '../contacts/phone';
import { parseRegion } from '../contacts/region';
import { removeSource, type RemovedSource } from '../contacts/remove-source';
import type { ContactStore, SourceRow } from '../contacts/store';

/** What the remove dialog names. */
export interface RemoveQuestion {
  /** The file's name, or the CardDAV book's display name and login. */
  name: string;
  kind: SourceRow['kind'];
  contactCount: number;
}

export interface AddressBooksDeps {
  store: Pick<ContactStore, 'listSources' | 'getSourceById' | 'removeSource' | 'repathSource' | 'setSourceWatching'>;
  sendCommand: (command: WidgetCommand) => void;
  /**
   * Imports (or re-imports) files through the usual import action (worker, summary, widget
   * sync); with `region`, the files' numbers are read in it and it is stored with them.
   */
  importPaths: (paths: string[], options?: { region?: CountryCode }) => Promise<void>;
  importContacts: () => Promise<void>;
  /** Syncs CardDAV books (by source path) through the usual sync action. */
  syncBooks: (paths: string[]) => Promise<void>;
  carddav: Pick<CardDav, 'discover' | 'addAccount' | 'removeBook' | 'listBooks' | 'listAccounts' | 'setRegion'>;
  /** The countries a region may be (libphonenumber-js's). */
  regions: readonly string[];
  confirmRemove: (question: RemoveQuestion) => Promise<boolean>;
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
  regions(): string[];
  setRegion(id: number, region: string): Promise<Result<void>>;
  discover(login: CardDavLogin): Promise<Result<FoundBook[]>>;
  addCardDav(login: CardDavLogin & { books: string[] }): Promise<Result<void>>;
}

const isFile = (source: SourceRow): boolean => source.kind === 'file';

export function describeOutcome(source: Pick<SourceRow, 'lastSyncedAt' | 'added' | 'updated' | 'deleted' | 'unchanged'>): string {
  if (!source.lastSyncedAt) return 'never synced';
  return `${source.added} added, ${source.updated} updated, ${source.deleted} deleted, ${source.unchanged} unchanged`;
}

/** Each CardDAV source's book and account, by source id. */
function bookInfos(carddav: AddressBooksDeps['carddav']): Map<number, CardDavBookInfo> {
  const accounts = new Map(carddav.listAccounts().map((a) => [a.id, a]));
  const out = new Map<number, CardDavBookInfo>();
  for (const b of carddav.listBooks()) {
    const account = accounts.get(b.accountId);
    const login = account ? `${account.username}@${new URL(account.serverUrl).host}` : '';
    out.set(b.sourceId, { login, book: b.displayName, url: b.url, lastError: b.lastError, lastAttemptAt: b.lastAttemptAt });
  }
  return out;
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() || path;

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
    list() {
      const books = bookInfos(deps.carddav);
      return deps.store.listSources()
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
          region: s.region,
          carddav: books.get(s.id) ?? null,
        }));
    },
    async sync(id) {
      const found = find(id);
      if (!found.ok) return found;
      if (found.value.kind === 'carddav') {
        await deps.syncBooks([found.value.path]);
        deps.changed();
        return ok(undefined);
      }
      if (!isFile(found.value)) return fail('bad-request', 'only a file or a CardDAV book can be synced');
      if (!exists(found.value.path)) return fail('not-found', `the file is missing: ${found.value.path}`);
      await deps.importPaths([found.value.path]);
      deps.changed();
      return ok(undefined);
    },
    async remove(id) {
      const found = find(id);
      if (!found.ok) return found;
      const source = found.value;
      const book = source.kind === 'carddav' ? bookInfos(deps.carddav).get(id) : undefined;
      const name = book ? `${book.book} (${book.login})` : fileName(source.path);
      if (!(await deps.confirmRemove({ name, kind: source.kind, contactCount: source.contactCount }))) return ok(undefined);
      let removed: RemovedSource | null;
      try {
        // The core's rule, as the CLI's `remove`: a book's account and password go with its last book.
        removed = await removeSource(source, { store: deps.store, carddav: () => deps.carddav });
      } catch (error) {
        return fail('not-found', describeError(error));
      }
      if (!removed) return fail('not-found', 'this address book is no longer there');
      deps.sendCommand({ kind: 'sync-contacts', changedNumbers: removed.changedNumbers });
      deps.sendCommand({ kind: 'status', text: `Removed ${name}: ${removed.deleted} contacts.` });
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
    regions: () => [...deps.regions],
    async setRegion(id, text) {
      const region = parseRegion(text);
      if (!region) return fail('bad-request', `not a country code: ${JSON.stringify(text.slice(0, 8))}`);
      const book = find(id);
      if (book.ok && book.value.kind === 'carddav') {
        deps.carddav.setRegion(id, region);
        await deps.syncBooks([book.value.path]);
        deps.changed();
        return ok(undefined);
      }
      const found = fileSource(id);
      if (!found.ok) return found;
      if (!exists(found.value.path)) return fail('not-found', `the file is missing: ${found.value.path}`);
      await deps.importPaths([found.value.path], { region });
      deps.changed();
      return ok(undefined);
    },
    async discover(login) {
      try {
        const found = await deps.carddav.discover(login.server, { username: login.username, password: login.password });
        const have = new Set(deps.carddav.listBooks().map((b) => b.url));
        if (found.books.length === 0) return fail('not-found', `${found.homeUrl}: the account has no address books`);
        return ok(found.books.map((b) => ({ url: b.url, displayName: b.displayName || b.url, added: have.has(b.url) })));
      } catch (error) {
        return fail('import-failed', describeError(error));
      }
    },
    async addCardDav({ books, ...login }) {
      let added;
      try {
        added = await deps.carddav.addAccount({ ...login, books });
      } catch (error) {
        return fail('import-failed', describeError(error));
      }
      deps.changed();
      await deps.syncBooks(added.books.map((b) => b.path));
      deps.changed();
      return ok(undefined);
    },
  };
}
