/**
 * The real CLI, spawned as `npm run contacts` runs it (node + tsx), on temp databases.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/contacts/db/open';
import { createContactStore } from '../../../src/main/contacts/store';
import { contact, phone } from '../contacts/helpers';

const root = resolve(__dirname, '../../..');
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOFTPHONE_USER_DATA: join(dir, 'userdata') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'contacts-cli-'));
  db = join(dir, 'book.sqlite3');
  const handle = openDatabase(db);
  createContactStore({ db: handle }).upsertContacts([
    contact('ada', 'Ada Lovelace', [], { company: 'Engines', phones: [phone('+1 650-555-0123', 'mobile'), phone('020 7946 0000', 'business', 'GB')] }),
    contact('yamada', '山田 太郎', ['+81 3-1234-5678']),
    contact('desk', 'Front Desk', ['101']),
  ]);
  closeDatabase(handle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli/request', () => {
  it('prints the response object of a match request as JSON', () => {
    const r = cli('--db', db, 'request', '/contacts/match', '{"phoneNumbers":["+16505550123"]}');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.data['+16505550123']).toEqual([expect.objectContaining({ name: 'Ada Lovelace', type: 'Address Book', id: expect.any(String) })]);
  });

  it("prints 'ok' for a view request and uses --service as the contacts' type", () => {
    expect(JSON.parse(cli('--db', db, 'request', '/contacts/view', '{"id":"1"}').stdout)).toBe('ok');
    const list = JSON.parse(cli('--db', db, '--service', 'MyBook', 'request', '/contacts', '{"page":1,"syncTimestamp":null}').stdout);
    expect(list.data.map((c: { type: string }) => c.type)).toEqual(['MyBook', 'MyBook', 'MyBook']);
    expect(list.syncTimestamp).toBeTruthy();
  });

  it.each([
    ['bad JSON', ['/contacts/match', '{oops']],
    ['a bad body', ['/contacts/match', '{"phoneNumbers":"+1"}']],
    ['an unknown path', ['/contacts/delete', '{}']],
    ['a garbled page cursor', ['/contacts', '{"page":"zzz"}']],
  ])('refuses %s with one line on stderr, exit 2, and the database unchanged', (_label, args) => {
    const before = sha(db);
    const r = cli('--db', db, 'request', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(sha(db)).toBe(before);
  });
});

describe('cli/list, search, match', () => {
  it('prints a readable table of every contact', () => {
    const r = cli('--db', db, 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+NAME\s+COMPANY\s+NUMBER\s+TYPE\s+EMAIL/);
    expect(r.stdout).toContain('Ada Lovelace');
    expect(r.stdout).toContain('+442079460000');
    expect(r.stdout).toContain('3 contacts');
  });

  it('searches and matches, as tables or as JSON', () => {
    expect(cli('--db', db, 'search', 'lovel').stdout).toContain('Ada Lovelace');
    const json = JSON.parse(cli('--db', db, '--json', 'search', '山田').stdout);
    expect(json.data.map((c: { name: string }) => c.name)).toEqual(['山田 太郎']);
    const table = cli('--db', db, '--region', 'GB', 'match', '020 7946 0000', '101', '+19995550000');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/020 7946 0000\s+1\s+Ada Lovelace/);
    expect(table.stdout).toMatch(/101\s+3\s+Front Desk/);
    expect(table.stdout).toMatch(/\+19995550000\s+\(no match\)/);
  });

  it('answers from an empty book without creating a missing database', () => {
    const missing = join(dir, 'missing.sqlite3');
    const r = cli('--db', missing, '--json', 'list');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('cli/errors', () => {
  it('refuses a database from a newer app in one line, leaving it untouched', () => {
    const future = join(dir, 'future.sqlite3');
    const h = new Sqlite(future);
    h.pragma('user_version = 999');
    h.close();
    const before = sha(future);
    const r = cli('--db', future, 'list');
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/version 999/);
    expect(sha(future)).toBe(before);
  });

  it.each([
    ['an unknown verb', ['frobnicate']],
    ['an unknown region', ['--region', 'XX', 'list']],
    ['a missing argument', ['search']],
  ])('reports %s in one line with a usage exit code', (_label, args) => {
    const r = cli('--db', db, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports a file that is not a database in one line without a stack trace', () => {
    const r = cli('--db', join(root, 'package.json'), 'list');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
