/**
 * Schema version 2: CardDAV address books as sources. An account is a server + username (the
 * password is never here: it lives in the OS keychain, see src/main/secrets/); each address
 * book picked from it is one `sources` row (format `carddav`) with its own book row; each card
 * resource the server listed is one row of `carddav_cards` (href + ETag), which is both what
 * an incremental sync compares against and what a later write-back will need.
 */
import type { Database } from 'better-sqlite3';

export const version = 2;

export function migrateTo0002(db: Database): void {
  db.exec(`
    CREATE TABLE carddav_accounts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      -- The URL the user typed (or the bare host, made a URL), and where discovery led.
      server_url TEXT NOT NULL,
      username TEXT NOT NULL,
      root_url TEXT NOT NULL,
      principal_url TEXT NOT NULL,
      home_url TEXT NOT NULL,
      added_at TEXT NOT NULL,
      UNIQUE (server_url, username)
    );

    CREATE TABLE carddav_books (
      source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      account_id INTEGER NOT NULL REFERENCES carddav_accounts(id) ON DELETE CASCADE,
      url TEXT NOT NULL,
      display_name TEXT NOT NULL DEFAULT '',
      -- RFC 6578 token of the last applied sync, and the getctag seen with it.
      sync_token TEXT,
      ctag TEXT,
      supports_sync INTEGER NOT NULL DEFAULT 0 CHECK (supports_sync IN (0, 1)),
      -- The last sync's failure (one line), cleared by a sync that succeeds.
      last_error TEXT,
      last_attempt_at TEXT,
      UNIQUE (account_id, url)
    );
    CREATE INDEX carddav_books_account ON carddav_books (account_id);

    -- One row per card resource of a book, as the server last listed it.
    CREATE TABLE carddav_cards (
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      href TEXT NOT NULL,
      etag TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (source_id, href)
    ) WITHOUT ROWID;
  `);
}
