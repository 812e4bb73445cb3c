/**
 * Our database only: reading verbs open read-only and never create or migrate; a file that is
 * not ours (empty, not SQLite, another application's SQLite, in rollback or WAL mode) is refused
 * in one line by every verb and stays byte-for-byte as it was, side files included.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { updateToVersion } from '../../../../src/main/contacts/db/migrate';
import { APPLICATION_ID } from '../../../../src/main/contacts/db/identify';
import { LATEST_VERSION } from '../../../../src/main/contacts/db/migrations';
import { cliOn } from '../../cli/run-cli';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'foreign-'));
  dbPath = join(dir, 'book.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const cli = cliOn(() => dbPath, () => dir);

/** Every file of the folder (the database and any side file) with its hash. */
const snapshot = (): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).filter((f) => f.startsWith('book.db')).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

function foreignSqlite(setup: (db: Sqlite.Database) => void): void {
  const db = new Sqlite(dbPath);
  setup(db);
  db.close();
}

const FOREIGN: Array<[string, () => void, RegExp]> = [
  ['an empty file', () => writeFileSync(dbPath, ''), /\(it is an empty file\)/],
  ['a text file', () => writeFileSync(dbPath, 'Name,Phone\nAda,+1 650 555 0123\n'), /\(it is not an SQLite database\)/],
  [
    "another application's SQLite with a meta table",
    () => foreignSqlite((db) => db.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('owner', 'someone else')")),
    /\(it is an SQLite database of another application\)/,
  ],
  [
    'a WAL-mode SQLite with a user_version of its own',
    () =>
      foreignSqlite((db) => {
        db.pragma('journal_mode = WAL');
        db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
        db.pragma('user_version = 1');
      }),
    /\(it is an SQLite database of another application\)/,
  ],
  [
    'an SQLite file with another application id',
    () =>
      foreignSqlite((db) => {
        db.exec('CREATE TABLE contacts (x)');
        db.pragma('application_id = 1234');
      }),
    /\(it is another application's SQLite database, application id 0x000004d2\)/,
  ],
];

describe.each(FOREIGN)('a file that is not ours: %s', (_what, make, why) => {
  it.each([
    ['list'],
    ['sources'],
    ['search', 'ada'],
    ['match', '+16505550123'],
    ['request', '/contacts', '{"page":1}'],
    ['export', '--format', 'vcf', 'out.vcf'],
    ['import', 'in.vcf'],
    ['sync'],
  ])('%s is refused in one line and the file stays byte-identical', async (...args) => {
    make();
    // A writing verb may initialise a 0-byte file (a test below); it refuses everything else.
    if (args[0] === 'import' || args[0] === 'sync') if (statSync(dbPath).size === 0) return;
    writeFileSync(join(dir, 'in.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nTEL:+16505550123\r\nEND:VCARD\r\n');
    const before = snapshot();
    const r = await cli(...args.map((a) => (a === 'in.vcf' || a === 'out.vcf' ? join(dir, a) : a)));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error: ${dbPath.replace(/[/.]/g, '\\$&')} is not an address book database ${why.source}; it was left untouched\\n$`));
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(dir, 'out.vcf'))).toBe(false);
  });

  it('a request refused for its path leaves the file as it was too', async () => {
    make();
    const before = snapshot();
    expect((await cli('request', '/nope')).code).toBe(2);
    expect(snapshot()).toEqual(before);
  });
});

describe('our own files', () => {
  it('reading verbs refuse an older schema of ours, telling how to upgrade, and leave it as it was', async () => {
    foreignSqlite((db) => {
      db.pragma('journal_mode = WAL');
      updateToVersion(db, LATEST_VERSION - 1);
    });
    const before = snapshot();
    const r = await cli('list');
    expect(r).toMatchObject({ code: 1, err: `error: ${dbPath} has an older schema (version ${LATEST_VERSION - 1}); start the app or run an import once to upgrade it (it was left untouched)\n` });
    expect(snapshot()).toEqual(before);
    // A writing verb upgrades it and marks it as ours.
    writeFileSync(join(dir, 'in.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nTEL:+16505550123\r\nEND:VCARD\r\n');
    expect((await cli('import', join(dir, 'in.vcf'))).code).toBe(0);
    const db = new Sqlite(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    expect((await cli('--json', 'list')).out).toContain('"name": "Ada"');
  });

  it('recognises a file of ours from before the application id by its tables', () => {
    foreignSqlite((db) => {
      db.pragma('journal_mode = WAL');
      updateToVersion(db, LATEST_VERSION);
    });
    const db = openDatabase(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('a writing verb initialises an empty file, and a reading verb on a missing file creates nothing', async () => {
    expect((await cli('list')).out).toBe('ID  NAME  COMPANY  NUMBER  TYPE  EMAIL\n--  ----  -------  ------  ----  -----\n0 contacts\n');
    expect(existsSync(dbPath)).toBe(false);
    writeFileSync(dbPath, '');
    writeFileSync(join(dir, 'in.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nTEL:+16505550123\r\nEND:VCARD\r\n');
    expect((await cli('import', join(dir, 'in.vcf'))).code).toBe(0);
  });
});
