/**
 * Schema version 6: `contacts.rank_names`, the folded names and company search ranks on
 * (store/rank-names.ts), filled in for every live contact with a number; and `filter_names` /
 * `filter_numbers` dropped: they held the widget's display-filter text for a ranking search
 * no longer does (the search reply now carries the text the filter needs itself).
 */
import type { Database } from 'better-sqlite3';
import { rankNames } from '../../store/rank-names';

export const version = 6;

const CHUNK = 2_000;

export function migrateTo0006(db: Database): void {
  db.exec(`ALTER TABLE contacts ADD COLUMN rank_names TEXT;
    ALTER TABLE contacts DROP COLUMN filter_names;
    ALTER TABLE contacts DROP COLUMN filter_numbers;`);
  const read = db.prepare(`SELECT id, display_name AS displayName, given_name AS givenName, family_name AS familyName, company
    FROM contacts c WHERE deleted = 0 AND id > ? AND EXISTS (SELECT 1 FROM phones p WHERE p.contact_id = c.id)
    ORDER BY id LIMIT ?`);
  const write = db.prepare('UPDATE contacts SET rank_names = ? WHERE id = ?');
  // In chunks: better-sqlite3 cannot write while a read cursor is open on the connection.
  for (let after = 0; ; ) {
    const rows = read.all(after, CHUNK) as Array<{ id: number; displayName: string; givenName: string | null; familyName: string | null; company: string | null }>;
    if (rows.length === 0) return;
    for (const r of rows) write.run(rankNames(r), r.id);
    after = rows[rows.length - 1]!.id;
  }
}
