/** Test helper: a full, ordered dump of every table, to prove a failed import changed nothing. */
import type { Database } from 'better-sqlite3';

export function dumpDatabase(db: Database): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const quoted = `"${t.replace(/"/g, '""')}"`;
    try {
      out[t] = db.prepare(`SELECT * FROM ${quoted} ORDER BY 1`).raw().all();
    } catch {
      // FTS shadow tables without a rowid order are covered by their main table.
      out[t] = db.prepare(`SELECT * FROM ${quoted}`).raw().all();
    }
  }
  return JSON.stringify(out);
}
