import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'close-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('db/closeDatabase', () => {
  it('never throws: a failed optimize, checkpoint or close is logged in one line each', () => {
    const path = join(dir, 'book.db');
    const db = openDatabase(path);
    // A statement still being read makes every later statement and close() fail on this
    // connection, as a full disk or a file made read-only makes optimize fail.
    const rows = db.prepare('SELECT * FROM meta').iterate();
    rows.next();
    const logged: string[] = [];
    expect(() => closeDatabase(db, (m) => logged.push(m))).not.toThrow();
    expect(logged).toEqual([
      `${path}: closing without optimize/checkpoint (This database connection is busy executing a query)`,
      `${path}: close failed (This database connection is busy executing a query)`,
    ]);
    rows.return?.();
    closeDatabase(db, (m) => logged.push(m));
    expect(db.open).toBe(false);
    expect(logged).toHaveLength(2);
  });
});
