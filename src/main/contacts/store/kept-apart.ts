/**
 * The contacts a person is kept apart from: those the user unlinked from one of its contacts
 * (store/links.ts), still in the book and still of the same name (a decision about another name
 * decides nothing now). The contact window lists them, each with "Link again". Read only when
 * a card is shown, never on the widget's paths.
 */
import type { Database } from 'better-sqlite3';

export function createKeptApart(db: Database): (partIds: readonly number[]) => number[] {
  // A decision is one row per pair in a fixed order: read it both ways round.
  const apart = db
    .prepare(
      `WITH pairs (source, key, other_source, other_key) AS (
         SELECT source_a, key_a, source_b, key_b FROM unlinks UNION ALL SELECT source_b, key_b, source_a, key_a FROM unlinks)
       SELECT DISTINCT o.id FROM json_each(@ids) j
         JOIN contacts p ON p.id = j.value
         JOIN pairs u ON u.source = p.source_id AND u.key = p.source_key
         JOIN contacts o ON o.source_id = u.other_source AND o.source_key = u.other_key
       WHERE o.deleted = 0 AND o.name_key = p.name_key AND o.id NOT IN (SELECT value FROM json_each(@ids))
       ORDER BY o.id`,
    )
    .pluck();
  return (partIds) => apart.all({ ids: JSON.stringify(partIds) }) as number[];
}
