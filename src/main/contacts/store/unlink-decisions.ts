/**
 * The user's unlink decisions (store/links.ts writes them) as the rest of the store reads and
 * keeps them: the contacts a person is kept apart from, for the contact window's "Kept apart"
 * list; and a moved file's decisions, which follow it to its new path. Decisions name a source
 * by its path (migration 0008), the identity that outlives a removal and re-import.
 */
import type { Database } from 'better-sqlite3';

export function createUnlinkDecisions(db: Database) {
  // A decision is one row per pair in a fixed order: read it both ways round. Read only when a
  // card is shown, never on the widget's paths.
  const apart = db
    .prepare(
      `WITH pairs (source, key, other_source, other_key) AS (
         SELECT source_a, key_a, source_b, key_b FROM unlinks UNION ALL SELECT source_b, key_b, source_a, key_a FROM unlinks)
       SELECT DISTINCT o.id FROM json_each(@ids) j
         JOIN contacts p ON p.id = j.value
         JOIN sources ps ON ps.id = p.source_id
         JOIN pairs u ON u.source = ps.path AND u.key = p.source_key
         JOIN sources os ON os.path = u.other_source
         JOIN contacts o ON o.source_id = os.id AND o.source_key = u.other_key
       WHERE o.deleted = 0 AND o.name_key = p.name_key AND o.id NOT IN (SELECT value FROM json_each(@ids))
       ORDER BY o.id`,
    )
    .pluck();
  // OR REPLACE: a row already under the new path (left by a file once there) says the same.
  const moveA = db.prepare('UPDATE OR REPLACE unlinks SET source_a = @to WHERE source_a = @from');
  const moveB = db.prepare('UPDATE OR REPLACE unlinks SET source_b = @to WHERE source_b = @from');
  return {
    /**
     * The live contacts of the same name the user unlinked from one of `partIds`, by id: a
     * decision about another name (the contact was renamed since) decides nothing now.
     */
    keptApart: (partIds: readonly number[]): number[] => apart.all({ ids: JSON.stringify(partIds) }) as number[],
    /** Moves the decisions of the source at `from` to `to` (call inside the repath's transaction). */
    repath(from: string, to: string): void {
      moveA.run({ from, to });
      moveB.run({ from, to });
    },
  };
}
