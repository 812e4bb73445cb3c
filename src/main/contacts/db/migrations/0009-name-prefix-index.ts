/**
 * Schema version 9: an index on `contacts.rank_names`, whose value begins with the folded
 * display name (store/rank-names.ts), so search reads the contacts whose name begins with the
 * typed text as a range of it, whatever their ids. Search otherwise ranks the first 200 index
 * hits by id, and in a large book an "Ann" loses to 200 older "Joanne"s and is not shown.
 */
import type { Database } from 'better-sqlite3';

export const version = 9;

export function migrateTo0009(db: Database): void {
  db.exec('CREATE INDEX contacts_name_prefix ON contacts(rank_names) WHERE rank_names IS NOT NULL');
}
