import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, DatabaseTooNewError, openDatabase } from '../../../../src/main/contacts/db/open';
import { migrate } from '../../../../src/main/contacts/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../../src/main/contacts/db/migrations';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'contacts-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('db/openDatabase', () => {
  it('creates and migrates a new file with WAL, full sync and foreign keys', () => {
    const db = openDatabase(join(dir, 'a.sqlite3'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeDatabase(db);
  });

  it('refuses a database from a newer app with a clear error and leaves the file byte-for-byte unchanged', () => {
    const path = join(dir, 'future.sqlite3');
    const future = new Sqlite(path);
    future.exec('CREATE TABLE something_new (x)');
    future.pragma(`user_version = ${LATEST_VERSION + 5}`);
    future.close();
    const before = sha(path);
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).name).toBe('DatabaseTooNewError');
    expect((error as Error).message).toContain(`version ${LATEST_VERSION + 5}`);
    expect((error as Error).message).toContain(`up to version ${LATEST_VERSION}`);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('opens our file read-only without writing anything', () => {
    const path = join(dir, 'b.sqlite3');
    closeDatabase(openDatabase(path));
    const before = sha(path);
    const db = openDatabase(path, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(() => db.exec('DELETE FROM meta')).toThrow(/readonly/);
    closeDatabase(db);
    expect(sha(path)).toBe(before);
  });

  it('rolls back every pending migration when one fails', () => {
    const path = join(dir, 'c.sqlite3');
    const db = new Sqlite(path);
    db.exec('CREATE TABLE meta (x)'); // collides with migration 1
    expect(() => migrate(db)).toThrow(/meta already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'contacts'").pluck().get()).toBe(0);
    db.close();
  });

  it('keeps migrations in strictly increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('db/closeDatabase', () => {
  it('leaves no WAL content behind', () => {
    const path = join(dir, 'd.sqlite3');
    const db = openDatabase(path);
    db.prepare("INSERT INTO sources (path, format) VALUES ('x', 'csv')").run();
    closeDatabase(db);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
    closeDatabase(db); // a second close is harmless
  });
});
