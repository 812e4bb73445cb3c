/**
 * Where a sync puts what it fetched before writing anything: TEMP tables of the connection.
 * The network part of a sync is asynchronous and may fail halfway (server stopped, timeout);
 * the store's write is one synchronous transaction. Fetched cards therefore wait here, where
 * SQLite spills them to its temp file instead of the JS heap (a 10,000-card book is a few MB
 * of vCard text, a huge one far more), and the transaction then reads them back page by page.
 * A sync that fails before the transaction leaves only these tables behind, emptied on the
 * next sync; the address book itself is untouched.
 */
import type { Database } from 'better-sqlite3';
import type { FetchedCard, ListedCard } from './remote';

export interface Staging {
  reset(): void;
  /** The full listing of the book (for the comparison with what was synced before). */
  addListed(cards: readonly ListedCard[]): void;
  /** Listed cards that are new or whose ETag changed, after `afterHref`, by href. */
  changedAfter(sourceId: number, afterHref: string, limit: number): string[];
  /** How many listed cards are new or changed. */
  changedCount(sourceId: number): number;
  /** Hrefs synced before that the listing no longer holds. */
  notListed(sourceId: number): string[];
  addCards(cards: readonly FetchedCard[]): void;
  /** Staged cards after `afterHref`, by href. */
  cardsAfter(afterHref: string, limit: number): FetchedCard[];
  addGone(hrefs: readonly string[]): void;
  gone(): string[];
  /** For the deletion guard: live contacts of the source the staged deletions would tombstone, and all its live contacts. */
  pendingDeletions(sourceId: number): { count: number; existing: number };
}

export function createStaging(db: Database): Staging {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS carddav_listed (href TEXT PRIMARY KEY, etag TEXT NOT NULL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS carddav_fetched (href TEXT PRIMARY KEY, etag TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS carddav_gone (href TEXT PRIMARY KEY) WITHOUT ROWID;`);
  const s = {
    clear: ['carddav_listed', 'carddav_fetched', 'carddav_gone'].map((t) => db.prepare(`DELETE FROM temp.${t}`)),
    listed: db.prepare('INSERT OR REPLACE INTO temp.carddav_listed (href, etag) VALUES (?, ?)'),
    changedAfter: db
      .prepare(`SELECT l.href FROM temp.carddav_listed l LEFT JOIN carddav_cards c ON c.source_id = ? AND c.href = l.href
        WHERE l.href > ? AND (c.href IS NULL OR c.etag = '' OR c.etag <> l.etag) ORDER BY l.href LIMIT ?`)
      .pluck(),
    changedCount: db
      .prepare(`SELECT count(*) FROM temp.carddav_listed l LEFT JOIN carddav_cards c ON c.source_id = ? AND c.href = l.href
        WHERE c.href IS NULL OR c.etag = '' OR c.etag <> l.etag`)
      .pluck(),
    notListed: db
      .prepare('SELECT href FROM carddav_cards WHERE source_id = ? AND href NOT IN (SELECT href FROM temp.carddav_listed) ORDER BY href')
      .pluck(),
    fetched: db.prepare('INSERT OR REPLACE INTO temp.carddav_fetched (href, etag, data) VALUES (?, ?, ?)'),
    cardsAfter: db.prepare('SELECT href, etag, data FROM temp.carddav_fetched WHERE href > ? ORDER BY href LIMIT ?'),
    gone: db.prepare('INSERT OR IGNORE INTO temp.carddav_gone (href) VALUES (?)'),
    allGone: db.prepare('SELECT href FROM temp.carddav_gone ORDER BY href').pluck(),
    goneLive: db
      .prepare(`SELECT count(*) FROM contacts WHERE source_id = ? AND deleted = 0
        AND source_key IN (SELECT 'href:' || href FROM temp.carddav_gone)`)
      .pluck(),
    live: db.prepare('SELECT count(*) FROM contacts WHERE source_id = ? AND deleted = 0').pluck(),
  };
  const many = <T>(fn: (item: T) => void) => db.transaction((items: readonly T[]) => items.forEach(fn));
  return {
    reset: () => s.clear.forEach((stmt) => stmt.run()),
    addListed: many<ListedCard>((c) => s.listed.run(c.href, c.etag)),
    changedAfter: (sourceId, afterHref, limit) => s.changedAfter.all(sourceId, afterHref, limit) as string[],
    changedCount: (sourceId) => s.changedCount.get(sourceId) as number,
    notListed: (sourceId) => s.notListed.all(sourceId) as string[],
    addCards: many<FetchedCard>((c) => s.fetched.run(c.href, c.etag, c.data)),
    cardsAfter: (afterHref, limit) => s.cardsAfter.all(afterHref, limit) as FetchedCard[],
    addGone: many<string>((h) => s.gone.run(h)),
    gone: () => s.allGone.all() as string[],
    pendingDeletions: (sourceId) => ({ count: s.goneLive.get(sourceId) as number, existing: s.live.get(sourceId) as number }),
  };
}
