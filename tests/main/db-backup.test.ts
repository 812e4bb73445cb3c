import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupBeforeMigration, listBackups } from '../../src/main/db-backup';
import { closeDatabase, openDatabase } from '../../src/main/contacts/db/open';
import { LATEST_VERSION } from '../../src/main/contacts/db/migrations';

let dir: string;
let dbPath: string;
let backups: string;

/** An address book at `version` with `rows` notes in it. */
function makeDb(version: number, rows = 3): void {
  const db = new Sqlite(dbPath);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
  for (let i = 0; i < rows; i++) insert.run(`note ${i}`);
  db.pragma(`user_version = ${version}`);
  db.close();
}

const countNotes = (path: string) => {
  const db = new Sqlite(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

let clock = 0;
const now = () => new Date(Date.UTC(2026, 10, 25, 13, 0, clock++));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'db-backup-'));
  dbPath = join(dir, 'contacts.db');
  backups = join(dir, 'backups');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('db-backup/backupBeforeMigration', () => {
  it('copies a database older than the app into the backups folder, with all its rows', () => {
    makeDb(1);
    const before = readFileSync(dbPath);
    const result = backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, now });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.value.backedUp) throw new Error('expected a backup');
    expect(result.value.fromVersion).toBe(1);
    expect(result.value.path.startsWith(backups)).toBe(true);
    expect(result.value.path).toMatch(/contacts-2026-11-25T13-00-\d\d-000Z-v1\.db$/);
    expect(countNotes(result.value.path)).toBe(3);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('includes changes still in the write-ahead log', () => {
    makeDb(1, 0);
    const writer = new Sqlite(dbPath);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare('INSERT INTO notes (text) VALUES (?)').run('only in the WAL');
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    const result = backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, now });
    writer.close();
    if (!result.ok || !result.value.backedUp) throw new Error('expected a backup');
    expect(countNotes(result.value.path)).toBe(1);
  });

  it('makes no copy when the database is already at the app schema version', () => {
    makeDb(2);
    expect(backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, now })).toEqual({
      ok: true,
      value: { backedUp: false, reason: 'up-to-date', fromVersion: 2 },
    });
    expect(existsSync(backups)).toBe(false);
  });

  it('makes no copy of a database newer than the app, which openDatabase refuses untouched', () => {
    makeDb(5);
    const result = backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, now });
    expect(result.ok && result.value).toMatchObject({ backedUp: false, reason: 'newer-than-app' });
  });

  it('makes no copy on first start, when there is no database or only an empty file', () => {
    expect(backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2 })).toMatchObject({ ok: true, value: { reason: 'no-database' } });
    new Sqlite(dbPath).close();
    expect(backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2 })).toMatchObject({ ok: true, value: { reason: 'empty' } });
  });

  it('keeps only the newest copies and leaves other files alone', () => {
    makeDb(1);
    writeFileSync(join(dir, 'unrelated.txt'), 'x');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, keep: 3, now });
      if (result.ok && result.value.backedUp) made.push(result.value.path);
    }
    expect(listBackups(dbPath, backups)).toEqual(made.slice(2));
    writeFileSync(join(backups, 'notes.txt'), 'mine');
    backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, keep: 3, now });
    expect(readdirSync(backups)).toContain('notes.txt');
    expect(listBackups(dbPath, backups)).toHaveLength(3);
  });

  it('reports a failed copy as data and leaves no partial file', () => {
    makeDb(1);
    writeFileSync(backups, 'a file where the folder should be');
    const result = backupBeforeMigration(dbPath, backups, { appSchemaVersion: 2, now });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatchObject({ code: 'internal', message: expect.stringMatching(/^Could not back up the address book/) });
  });

  it('skips a real address book the app has migrated and copies it once it is behind the app', () => {
    closeDatabase(openDatabase(dbPath));
    expect(backupBeforeMigration(dbPath, backups, { appSchemaVersion: LATEST_VERSION, now })).toMatchObject({
      ok: true,
      value: { backedUp: false, reason: 'up-to-date', fromVersion: LATEST_VERSION },
    });
    const result = backupBeforeMigration(dbPath, backups, { appSchemaVersion: LATEST_VERSION + 1, now });
    expect(result.ok && result.value).toMatchObject({ backedUp: true, fromVersion: LATEST_VERSION });
  });
});
