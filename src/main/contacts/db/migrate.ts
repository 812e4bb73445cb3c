/**
 * Runs pending migrations: all of them in one transaction with `user_version` set inside it,
 * so a failed step leaves the database exactly as it was.
 */
import type { Database } from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

/** The schema version recorded in the file. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to `target` (tests replay history step by step with it). */
export function updateToVersion(db: Database, target: number): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current, LATEST_VERSION, db.name);
  if (!Number.isInteger(target) || target > LATEST_VERSION) throw new RangeError(`No migration to version ${target}`);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    // A pragma cannot take a bound parameter; target is a checked integer.
    db.pragma(`user_version = ${target}`);
  })();
}

/** Brings the schema up to the newest version. */
export function migrate(db: Database): void {
  updateToVersion(db, LATEST_VERSION);
}
