/**
 * CardDAV address books as sources: the functions the CLI, the import worker and the
 * Address books window call. `createCardDav({ db, store, secrets })`:
 * - `discover(server, credentials)`: the account's address books (nothing stored);
 * - `addAccount({ server, username, password, books })`: discovers, stores the account and
 *   the picked books (each one a `carddav` source), and the password in `secrets`;
 * - `syncAccount(id)` / `syncAll()` / `syncSource(sourceId)`: syncs books, one transaction
 *   each; a failing book is reported (and kept as `lastError`) and changes nothing, the others
 *   still sync; too many deletions at once wait for `{ allowDeletions: true }` (sync.ts);
 * - `listAccounts()`, `listBooks(accountId?)` (with `lastError` per book), `removeAccount(id)`,
 *   `removeBook(sourceId)` (the account and its password go with its last book; the CLI's
 *   `remove` and the Address books window reach it through ../remove-source.ts).
 * Plain Node: no electron here (the shell injects its keychain as `secrets`).
 */
import type { Database } from 'better-sqlite3';
import type { CountryCode } from '../phone';
import type { ContactStore } from '../store/types';
import { createBooks, type AccountRow, type BookRow } from './books';
import { basicAuth, discover as discoverBooks, type Connection, type Credentials, type Discovered, type RemoteBook } from './discovery';
import { CardDavError, describeError } from './errors';
import { createHttp, DEFAULT_HTTP, type HttpOptions } from './http';
import { passwordKey, type Secrets } from './secrets';
import { createStaging } from './staging';
import { syncBook, type BookSyncReport, type SyncProgress } from './sync';

export { CardDavError, describeError } from './errors';
export type { AccountRow, BookRow } from './books';
export type { Credentials, Discovered, RemoteBook } from './discovery';
export type { BookSyncReport, SyncMode, SyncProgress } from './sync';
export { memorySecrets, type Secrets } from './secrets';

export interface CardDavDeps {
  db: Database;
  store: ContactStore;
  secrets: Secrets;
  region?: CountryCode;
  http?: Partial<HttpOptions>;
  clock?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  /** Cards per addressbook-multiget (default 100). */
  batchSize?: number;
}

/** What a sync may be told: the user confirmed deleting what the server no longer holds. */
export interface BookSyncOptions {
  allowDeletions?: boolean;
}

export type BookSyncOutcome = { ok: true; report: BookSyncReport } | { ok: false; path: string; book: string; message: string };

export interface AddAccountInput {
  server: string;
  username: string;
  password: string;
  /** Books to use, by display name, last path segment or URL; all found when empty. */
  books?: readonly string[];
}

/** What removing books did: their contacts tombstoned; with `accountForgotten`, the account and its password gone. */
export interface ForgottenBooks {
  deleted: number;
  changedNumbers: string[];
  accountForgotten: boolean;
}

export interface AddedAccount {
  account: AccountRow;
  books: BookRow[];
}

/** `carddav:<user>@<host>/<book path>`: readable in `sources`, unique per account and book. */
export function sourcePathOf(account: Pick<AccountRow, 'username' | 'serverUrl'>, bookUrl: string): string {
  return `carddav:${account.username}@${new URL(account.serverUrl).host}${new URL(bookUrl).pathname}`;
}

function pickBooks(found: readonly RemoteBook[], wanted: readonly string[] | undefined): RemoteBook[] {
  if (!wanted?.length) return [...found];
  const segment = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
  return wanted.map((name) => {
    const n = name.trim().toLowerCase();
    const hit = found.find((b) => b.displayName.toLowerCase() === n || segment(b.url).toLowerCase() === n || b.url === name.trim());
    if (!hit) {
      const names = found.map((b) => JSON.stringify(b.displayName)).join(', ') || 'none';
      throw new CardDavError('not-found', `no address book named ${JSON.stringify(name)} (found: ${names})`);
    }
    return hit;
  });
}

export function createCardDav(deps: CardDavDeps) {
  const books = createBooks(deps.db);
  const staging = createStaging(deps.db);
  const now = deps.clock ?? (() => new Date());
  const http = createHttp({ ...DEFAULT_HTTP, ...deps.http });
  const connect = (credentials: Credentials): Connection => ({ fetch: http, headers: basicAuth(credentials) });
  const keyOf = (accountId: number) => passwordKey(deps.store.syncState().databaseId, accountId);

  async function passwordOf(account: AccountRow): Promise<string> {
    const password = await deps.secrets.get(keyOf(account.id));
    if (password === null) {
      throw new CardDavError('no-password', `no password stored for ${account.username} at ${new URL(account.serverUrl).host} in ${deps.secrets.where}; add the account again`);
    }
    return password;
  }

  async function syncBooks(account: AccountRow, targets: readonly BookRow[], options: BookSyncOptions = {}): Promise<BookSyncOutcome[]> {
    const outcomes: BookSyncOutcome[] = [];
    let connection: Connection | null = null;
    let missingPassword: string | null = null;
    try {
      connection = connect({ username: account.username, password: await passwordOf(account) });
    } catch (error) {
      missingPassword = describeError(error);
    }
    for (const book of targets) {
      try {
        if (!connection) throw new CardDavError('no-password', missingPassword ?? 'no password');
        const report = await syncBook(book, connection, {
          db: deps.db,
          store: deps.store,
          books,
          staging,
          region: deps.region,
          now,
          onProgress: deps.onProgress,
          batchSize: deps.batchSize,
          allowDeletions: options.allowDeletions,
        });
        outcomes.push({ ok: true, report });
      } catch (error) {
        const message = `${book.displayName} (${new URL(book.url).host}): ${describeError(error)}`;
        books.markFailed(book.sourceId, message, now().toISOString());
        outcomes.push({ ok: false, path: book.path, book: book.displayName, message });
      }
    }
    return outcomes;
  }

  return {
    /** The address books an account holds; stores nothing. */
    discover: (server: string, credentials: Credentials): Promise<Discovered> => discoverBooks(server, connect(credentials)),

    /**
     * Discovers, then stores the account, the picked books (as sources, not yet synced) and
     * the password. A failed discovery or an unknown book name stores nothing.
     */
    async addAccount(input: AddAccountInput): Promise<AddedAccount> {
      const found = await discoverBooks(input.server, connect(input));
      if (found.books.length === 0) throw new CardDavError('not-found', `${found.homeUrl}: the account has no address books`);
      const picked = pickBooks(found.books, input.books);
      const accountId = deps.db.transaction(() => {
        const id = books.saveAccount({
          serverUrl: found.serverUrl,
          username: input.username,
          rootUrl: found.rootUrl,
          principalUrl: found.principalUrl,
          homeUrl: found.homeUrl,
          addedAt: now().toISOString(),
        });
        for (const b of picked) {
          const sourceId = deps.store.ensureSource(sourcePathOf({ username: input.username, serverUrl: found.serverUrl }, b.url), 'carddav');
          books.saveBook({ sourceId, accountId: id, url: b.url, displayName: b.displayName, supportsSync: b.supportsSync });
        }
        return id;
      })();
      await deps.secrets.set(keyOf(accountId), input.password);
      const account = books.account(accountId)!;
      const urls = new Set(picked.map((b) => b.url));
      return { account, books: books.books(accountId).filter((b) => urls.has(b.url)) };
    },

    /** Syncs every book of one account (each in its own transaction). */
    async syncAccount(accountId: number, options?: BookSyncOptions): Promise<BookSyncOutcome[]> {
      const account = books.account(accountId);
      if (!account) throw new CardDavError('not-found', `no CardDAV account ${accountId}`);
      return syncBooks(account, books.books(accountId), options);
    },

    /** Syncs the one book behind a source (the Address books window's "Sync now"). */
    async syncSource(sourceId: number, options?: BookSyncOptions): Promise<BookSyncOutcome> {
      const book = books.book(sourceId);
      const account = book ? books.account(book.accountId) : null;
      if (!book || !account) throw new CardDavError('not-found', 'this address book is no longer there');
      return (await syncBooks(account, [book], options))[0]!;
    },

    /** Syncs every book of every account. */
    async syncAll(options?: BookSyncOptions): Promise<BookSyncOutcome[]> {
      const outcomes: BookSyncOutcome[] = [];
      for (const account of books.accounts()) outcomes.push(...(await syncBooks(account, books.books(account.id), options)));
      return outcomes;
    },

    listAccounts: (): AccountRow[] => books.accounts(),
    listBooks: (accountId?: number): BookRow[] => books.books(accountId),
    /**
     * Reads the book's numbers in `region` from now on: stored with its source, and the next
     * sync reads every card again (a full sync), as a file is re-imported in a new region.
     */
    setRegion(sourceId: number, region: CountryCode): void {
      if (!books.book(sourceId)) throw new CardDavError('not-found', 'this address book is no longer there');
      books.setRegion(sourceId, region);
    },
    /** The last sync's failure of the book behind this source, or null when it succeeded. */
    lastError: (sourcePath: string): string | null => books.books().find((b) => b.path === sourcePath)?.lastError ?? null,

    /** Removes the account: its books' contacts become tombstones; its password is forgotten. */
    async removeAccount(accountId: number): Promise<ForgottenBooks> {
      const account = books.account(accountId);
      if (!account) throw new CardDavError('not-found', `no CardDAV account ${accountId}`);
      return forget(accountId, books.books(accountId), true);
    },

    /**
     * Removes one book: its contacts become tombstones. The account (and its password) is
     * forgotten with its last book, so no password outlives every use of it.
     */
    async removeBook(sourceId: number): Promise<ForgottenBooks> {
      const book = books.book(sourceId);
      if (!book) throw new CardDavError('not-found', 'this address book is no longer there');
      const last = books.books(book.accountId).length === 1;
      return forget(book.accountId, [book], last);
    },
  };

  /** Tombstones the books' contacts in one transaction; with `account`, the account and its password too. */
  async function forget(accountId: number, targets: readonly BookRow[], account: boolean): Promise<ForgottenBooks> {
    const result = deps.db.transaction(() => {
      let deleted = 0;
      const changed = new Set<string>();
      for (const book of targets) {
        const r = deps.store.removeSource(book.sourceId);
        deleted += r?.deleted ?? 0;
        r?.changedNumbers.forEach((n) => changed.add(n));
      }
      if (account) books.deleteAccount(accountId);
      return { deleted, changedNumbers: [...changed], accountForgotten: account };
    })();
    if (account) await deps.secrets.delete(keyOf(accountId));
    return result;
  }
}

export type CardDav = ReturnType<typeof createCardDav>;
