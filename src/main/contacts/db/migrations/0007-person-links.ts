/**
 * Schema version 7: one contact per person (store/links.ts). Each contact gets its name key
 * (the folded name people are linked by) and `person_id` (the smallest id of the contacts it is
 * linked with; NULL when it is not linked), and `unlinks` records the pairs the user said are
 * not the same person, by source and source key, so the decision survives re-imports and goes
 * with the source when it is removed.
 *
 * `rank_names` is filled in for contacts without numbers too: such a contact may now be part of
 * a person that has numbers, and search finds the person through it.
 *
 * Existing books are linked here, and what changed is stamped with a new revision, so the
 * widget's next incremental sync drops the ids that are now hidden and fetches the people
 * again with the union of their numbers.
 */
import type { Database } from 'better-sqlite3';
import { createLinker, nameKey } from '../../store/links';
import { rankNames } from '../../store/rank-names';

export const version = 7;

const CHUNK = 2_000;

export function migrateTo0007(db: Database): void {
  db.exec(`
    ALTER TABLE contacts ADD COLUMN name_key TEXT;
    ALTER TABLE contacts ADD COLUMN person_id INTEGER;
    -- Covers the question relinking asks of a name: how many sources, and is anyone linked.
    CREATE INDEX contacts_name_key ON contacts (name_key, source_id, person_id) WHERE name_key IS NOT NULL;
    CREATE INDEX contacts_person ON contacts (person_id) WHERE person_id IS NOT NULL;
    CREATE TABLE unlinks (
      source_a INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      key_a TEXT NOT NULL,
      source_b INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      key_b TEXT NOT NULL,
      PRIMARY KEY (source_a, key_a, source_b, key_b)
    ) WITHOUT ROWID;
  `);
  const read = db.prepare(`SELECT id, display_name AS displayName, given_name AS givenName, family_name AS familyName, company
    FROM contacts WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?`);
  const write = db.prepare('UPDATE contacts SET name_key = ?, rank_names = ? WHERE id = ?');
  // In chunks: better-sqlite3 cannot write while a read cursor is open on the connection.
  for (let after = 0; ; ) {
    const rows = read.all(after, CHUNK) as Array<Parameters<typeof rankNames>[0] & { id: number }>;
    if (rows.length === 0) break;
    for (const r of rows) write.run(nameKey(r), rankNames(r), r.id);
    after = rows[rows.length - 1]!.id;
  }
  const keys = db.prepare(`SELECT name_key FROM contacts WHERE name_key IS NOT NULL
    GROUP BY name_key HAVING count(DISTINCT source_id) > 1`).pluck().all() as string[];
  let rev: number | null = null;
  const linker = createLinker(db);
  const ctx = {
    rev: () => (rev ??= (db.prepare('SELECT revision FROM meta WHERE id = 1').pluck().get() as number) + 1),
    revSoFar: () => null,
    noteNumbersOf: () => {},
  };
  for (const key of keys) linker.relinkBucket(key, ctx);
  if (rev !== null) db.prepare('UPDATE meta SET revision = ? WHERE id = 1').run(rev);
}
