/**
 * Schema version 1: the address book, its sources, the revision counter behind the widget's
 * `syncTimestamp`, and the two search indexes.
 */
import type { Database } from 'better-sqlite3';

export const version = 1;

export function migrateTo0001(db: Database): void {
  db.exec(`
    -- One row. database_id makes a syncTimestamp from another database recognisable;
    -- revision is the single counter every change bumps; tombstone_floor is the lowest
    -- revision from which all deletions are still on record (older timestamps are stale).
    CREATE TABLE meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      database_id TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      tombstone_floor INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO meta (id, database_id) VALUES (1, lower(hex(randomblob(16))));

    CREATE TABLE sources (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      path TEXT NOT NULL UNIQUE,
      format TEXT NOT NULL,
      fingerprint TEXT NOT NULL DEFAULT '',
      last_synced_at TEXT,
      contact_count INTEGER NOT NULL DEFAULT 0,
      added_count INTEGER NOT NULL DEFAULT 0,
      updated_count INTEGER NOT NULL DEFAULT 0,
      unchanged_count INTEGER NOT NULL DEFAULT 0,
      deleted_count INTEGER NOT NULL DEFAULT 0
    );

    -- AUTOINCREMENT: the widget keys its list by id, so an id must never be reused, even
    -- after tombstones are purged.
    CREATE TABLE contacts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
      source_key TEXT NOT NULL,
      display_name TEXT NOT NULL DEFAULT '',
      given_name TEXT,
      family_name TEXT,
      company TEXT,
      job_title TEXT,
      notes TEXT,
      avatar TEXT,
      -- What the widget's own search filter tests (see widget-name.ts), so search can put
      -- the rows the widget will show first without building every candidate.
      filter_names TEXT NOT NULL DEFAULT '',
      filter_numbers TEXT NOT NULL DEFAULT '',
      content_hash TEXT NOT NULL DEFAULT '',
      rev INTEGER NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      UNIQUE (source_id, source_key)
    );
    -- Incremental /contacts pages walk (rev, id); the index holds the rowid, so it serves both.
    CREATE INDEX contacts_rev ON contacts (rev);

    CREATE TABLE phones (
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      raw TEXT NOT NULL,
      e164 TEXT,
      extension TEXT,
      type TEXT NOT NULL,
      label TEXT,
      match_key TEXT NOT NULL,
      digits TEXT NOT NULL,
      PRIMARY KEY (contact_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX phones_match_key ON phones (match_key);
    CREATE INDEX phones_extension ON phones (extension) WHERE extension IS NOT NULL;

    CREATE TABLE emails (
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      address TEXT NOT NULL,
      PRIMARY KEY (contact_id, position)
    ) WITHOUT ROWID;

    -- Substring search for 3+ characters: trigrams over the folded (lower-case, accent-free)
    -- names, company, emails and numbers. Contentless: the text is rebuilt from the rows.
    CREATE VIRTUAL TABLE contact_search USING fts5(
      text, tokenize = 'trigram', content = '', contentless_delete = 1
    );
    -- Trigrams find nothing under 3 characters, and LIKE '%q%' scans every row, so 1- and
    -- 2-character substrings get their own inverted index: each distinct 1-gram and 2-gram of
    -- the folded text as a token (hex code points, so any script survives the tokenizer).
    -- Not contentless: with these many-token documents a contentless_delete delete costs
    -- ~90 µs against ~17 µs when FTS5 can re-read the stored document (measured at 100k).
    CREATE VIRTUAL TABLE contact_grams USING fts5(grams, tokenize = 'unicode61', detail = 'none');
  `);
}
