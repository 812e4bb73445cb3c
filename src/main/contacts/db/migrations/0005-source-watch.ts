/**
 * Schema version 5: whether a file source follows its file (synced by itself when the file
 * changes, src/main/contacts/watch/). On by default, for existing sources too; the Address
 * books window turns it off per source (a file on a drive that is often away, say).
 * In the database rather than settings.json so it stays with the source when "locate…"
 * re-points it, and goes with it when it is removed.
 */
import type { Database } from 'better-sqlite3';

export const version = 5;

export function migrateTo0005(db: Database): void {
  db.exec('ALTER TABLE sources ADD COLUMN watch INTEGER NOT NULL DEFAULT 1 CHECK (watch IN (0, 1))');
}
