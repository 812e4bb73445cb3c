/**
 * The CardDAV tables (migration 0002): accounts, the books picked from them (each one a
 * `sources` row), and the href + ETag of every card resource last seen.
 */
import type { Database } from 'better-sqlite3';

export interface AccountRow {
  id: number;
  serverUrl: string;
  username: string;
  rootUrl: string;
  principalUrl: string;
  homeUrl: string;
  addedAt: string;
}

export interface BookRow {
  sourceId: number;
  accountId: number;
  /** The source's path: `carddav:<user>@<host>/<book path>`. */
  path: string;
  url: string;
  displayName: string;
  syncToken: string | null;
  ctag: string | null;
  supportsSync: boolean;
  lastError: string | null;
  lastAttemptAt: string | null;
  lastSyncedAt: string | null;
  contactCount: number;
  /** The region its numbers are read in (the source's), or null for the default one. */
  region: string | null;
}

const ACCOUNT_COLUMNS = `id, server_url AS serverUrl, username, root_url AS rootUrl, principal_url AS principalUrl,
  home_url AS homeUrl, added_at AS addedAt`;
const BOOK_COLUMNS = `b.source_id AS sourceId, b.account_id AS accountId, s.path, b.url, b.display_name AS displayName,
  b.sync_token AS syncToken, b.ctag, b.supports_sync AS supportsSync, b.last_error AS lastError,
  b.last_attempt_at AS lastAttemptAt, s.last_synced_at AS lastSyncedAt, s.contact_count AS contactCount, s.region`;

const toBook = (row: unknown): BookRow => {
  const r = row as Omit<BookRow, 'supportsSync'> & { supportsSync: number };
  return { ...r, supportsSync: r.supportsSync === 1 };
};

export function createBooks(db: Database) {
  const s = {
    accounts: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM carddav_accounts ORDER BY id`),
    account: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM carddav_accounts WHERE id = ?`),
    accountByLogin: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM carddav_accounts WHERE server_url = ? AND username = ?`),
    insertAccount: db.prepare(`INSERT INTO carddav_accounts (server_url, username, root_url, principal_url, home_url, added_at)
      VALUES (@serverUrl, @username, @rootUrl, @principalUrl, @homeUrl, @addedAt)`),
    updateAccount: db.prepare(`UPDATE carddav_accounts SET root_url = @rootUrl, principal_url = @principalUrl, home_url = @homeUrl
      WHERE id = @id`),
    deleteAccount: db.prepare('DELETE FROM carddav_accounts WHERE id = ?'),
    books: db.prepare(`SELECT ${BOOK_COLUMNS} FROM carddav_books b JOIN sources s ON s.id = b.source_id ORDER BY s.path`),
    booksOf: db.prepare(`SELECT ${BOOK_COLUMNS} FROM carddav_books b JOIN sources s ON s.id = b.source_id
      WHERE b.account_id = ? ORDER BY s.path`),
    book: db.prepare(`SELECT ${BOOK_COLUMNS} FROM carddav_books b JOIN sources s ON s.id = b.source_id WHERE b.source_id = ?`),
    insertBook: db.prepare(`INSERT INTO carddav_books (source_id, account_id, url, display_name, supports_sync)
      VALUES (@sourceId, @accountId, @url, @displayName, @supportsSync)
      ON CONFLICT (source_id) DO UPDATE SET display_name = excluded.display_name, supports_sync = excluded.supports_sync`),
    synced: db.prepare(`UPDATE carddav_books SET sync_token = @syncToken, ctag = @ctag, last_error = NULL, last_attempt_at = @at
      WHERE source_id = @sourceId`),
    failed: db.prepare('UPDATE carddav_books SET last_error = ?, last_attempt_at = ? WHERE source_id = ?'),
    etag: db.prepare('SELECT etag FROM carddav_cards WHERE source_id = ? AND href = ?').pluck(),
    putCard: db.prepare('INSERT OR REPLACE INTO carddav_cards (source_id, href, etag) VALUES (?, ?, ?)'),
    dropCard: db.prepare('DELETE FROM carddav_cards WHERE source_id = ? AND href = ?'),
    cardCount: db.prepare('SELECT count(*) FROM carddav_cards WHERE source_id = ?').pluck(),
    setRegion: db.prepare('UPDATE sources SET region = ? WHERE id = ?'),
    forgetState: db.prepare('UPDATE carddav_books SET sync_token = NULL, ctag = NULL WHERE source_id = ?'),
    forgetEtags: db.prepare("UPDATE carddav_cards SET etag = '' WHERE source_id = ?"),
  };
  return {
    accounts: () => s.accounts.all() as AccountRow[],
    account: (id: number) => (s.account.get(id) as AccountRow | undefined) ?? null,
    accountByLogin: (serverUrl: string, username: string) => (s.accountByLogin.get(serverUrl, username) as AccountRow | undefined) ?? null,
    /** Inserts the account, or refreshes where discovery now leads; returns its id. */
    saveAccount(a: Omit<AccountRow, 'id'>): number {
      const existing = s.accountByLogin.get(a.serverUrl, a.username) as AccountRow | undefined;
      if (!existing) return Number(s.insertAccount.run(a).lastInsertRowid);
      s.updateAccount.run({ ...a, id: existing.id });
      return existing.id;
    },
    deleteAccount: (id: number) => void s.deleteAccount.run(id),
    books: (accountId?: number) => (accountId === undefined ? s.books.all() : s.booksOf.all(accountId)).map(toBook),
    book: (sourceId: number) => {
      const row = s.book.get(sourceId);
      return row ? toBook(row) : null;
    },
    saveBook: (b: { sourceId: number; accountId: number; url: string; displayName: string; supportsSync: boolean }) =>
      void s.insertBook.run({ ...b, supportsSync: b.supportsSync ? 1 : 0 }),
    markSynced: (sourceId: number, state: { syncToken: string | null; ctag: string | null }, at: string) =>
      void s.synced.run({ sourceId, ...state, at }),
    markFailed: (sourceId: number, message: string, at: string) => void s.failed.run(message, at, sourceId),
    etag: (sourceId: number, href: string) => (s.etag.get(sourceId, href) as string | undefined) ?? null,
    putCard: (sourceId: number, href: string, etag: string) => void s.putCard.run(sourceId, href, etag),
    dropCard: (sourceId: number, href: string) => void s.dropCard.run(sourceId, href),
    cardCount: (sourceId: number) => s.cardCount.get(sourceId) as number,
    /**
     * Stores the book's region and forgets its token, getctag and ETags, so the next sync is a
     * full one that reads every card again in that region (as a file is re-imported).
     */
    setRegion: (sourceId: number, region: string) =>
      db.transaction(() => {
        s.setRegion.run(region, sourceId);
        s.forgetState.run(sourceId);
        s.forgetEtags.run(sourceId);
      })(),
  };
}

export type Books = ReturnType<typeof createBooks>;
