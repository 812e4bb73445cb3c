/**
 * Schema version 0003: no table changes; the search indexes are rebuilt because the fold
 * they hold changed (ł→l, ß→ss, ø→o, æ→ae and the like, NFKD): without it, a book imported
 * before would not find "Łukasz" for "lukasz" until each contact was imported again.
 */
import type { Database } from 'better-sqlite3';
import { rebuildSearchIndexes } from '../../store/search-index';

export const version = 3;

export function migrateTo0003(db: Database): void {
  rebuildSearchIndexes(db);
}
