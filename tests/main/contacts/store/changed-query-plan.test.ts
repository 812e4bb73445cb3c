import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { CHANGED_SINCE_SQL } from '../../../../src/main/contacts/store/reader';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('store/reader changes page', () => {
  it('seeks (rev, id) in the revision index instead of scanning every contact of the same revision', () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const db = openDatabase(join(dir, 'contacts.sqlite3'));
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${CHANGED_SINCE_SQL}`)
        .all({ afterRev: 1, afterId: 10, upTo: 5, limit: 501 })
        .map((row) => (row as { detail: string }).detail);
      expect(plan).toContain('MERGE (UNION ALL)');
      expect(plan.some((d) => /USING (COVERING )?INDEX contacts_rev \(rev=\? AND rowid>\?\)/.test(d))).toBe(true);
      expect(plan.some((d) => /USING (COVERING )?INDEX contacts_rev \(rev>\? AND rev<\?\)/.test(d))).toBe(true);
      expect(plan.join(' ')).not.toMatch(/SCAN|TEMP B-TREE/);
    } finally {
      closeDatabase(db);
    }
  });
});
