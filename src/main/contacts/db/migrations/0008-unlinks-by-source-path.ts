/**
 * Schema version 8: unlink decisions (store/links.ts) are kept by the source's stable identity,
 * its `sources.path` (the file's absolute path; `carddav:user@host/book-path` for a CardDAV
 * book), instead of its numeric id. A source that is removed and added again gets a new id, and
 * the user's "not the same person" went with the old one; now the re-added file or book finds
 * its decisions again. So the rows no longer go with the source (no foreign key): a decision is
 * a few dozen bytes, and one about a file that never comes back decides nothing.
 *
 * Rows are rewritten with each source's path, in the order the code writes new ones (path, then
 * key: the smaller side first); every row has its sources (the old foreign key saw to that).
 */
import type { Database } from 'better-sqlite3';

export const version = 8;

export function migrateTo0008(db: Database): void {
  db.exec(`
    CREATE TABLE unlinks_by_path (
      source_a TEXT NOT NULL,
      key_a TEXT NOT NULL,
      source_b TEXT NOT NULL,
      key_b TEXT NOT NULL,
      PRIMARY KEY (source_a, key_a, source_b, key_b)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO unlinks_by_path (source_a, key_a, source_b, key_b)
      SELECT CASE WHEN (sa.path, u.key_a) <= (sb.path, u.key_b) THEN sa.path ELSE sb.path END,
             CASE WHEN (sa.path, u.key_a) <= (sb.path, u.key_b) THEN u.key_a ELSE u.key_b END,
             CASE WHEN (sa.path, u.key_a) <= (sb.path, u.key_b) THEN sb.path ELSE sa.path END,
             CASE WHEN (sa.path, u.key_a) <= (sb.path, u.key_b) THEN u.key_b ELSE u.key_a END
      FROM unlinks u JOIN sources sa ON sa.id = u.source_a JOIN sources sb ON sb.id = u.source_b;
    DROP TABLE unlinks;
    ALTER TABLE unlinks_by_path RENAME TO unlinks;
    -- A decision is looked up from either side (the contact window's "Kept apart", link ID).
    CREATE INDEX unlinks_b ON unlinks (source_b, key_b);
  `);
}
