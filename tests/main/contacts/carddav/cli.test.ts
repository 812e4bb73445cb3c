/**
 * The CLI contract against a real Radicale: `carddav add URL --user NAME --password-stdin
 * [--book NAME]`, then `sync` (with a file source beside it), then `--json sources` listing the
 * book with `"kind": "carddav"`. The password stays out of the database, the settings and the
 * output, and sits in a 0600 file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { radicaleMissing, startRadicale, vcard, type Radicale } from './radicale';

const missing = radicaleMissing();
const root = resolve(__dirname, '../../../..');
let server: Radicale;
let dir: string;
let db: string;

function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), '--db', db, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    // The region for numbers without a country code comes from the locale (the CLI has no US default).
    env: { ...process.env, LC_ALL: '', LANG: 'en_US.UTF-8', SOFTPHONE_USER_DATA: join(dir, 'userdata') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carddav-cli-'));
  db = join(dir, 'book.sqlite3');
  if (missing) return;
  server = await startRadicale();
  const alice = server.users[0]!;
  await server.makeBook(alice, 'family', 'Family');
  await server.makeBook(alice, 'work', 'Work');
  await server.putCard(alice, 'family', 'mum.vcf', vcard('mum', 'Mary Smith', '(650) 555-0142'));
  await server.putCard(alice, 'work', 'boss.vcf', vcard('boss', 'Big Boss', '(650) 555-0199'));
});
afterAll(async () => {
  await server?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing)('cli carddav', () => {
  it('adds the named book, syncs it with the files, and lists it as a carddav source', () => {
    const password = server.users[0]!.password;
    const add = cli(['carddav', 'add', server.origin, '--user', 'alice', '--password-stdin', '--book', 'Family'], `${password}\n`);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('added "Family"');
    expect(add.stdout).not.toContain(password);

    const file = join(dir, 'friends.vcf');
    writeFileSync(file, vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    expect(cli(['import', file]).code).toBe(0);

    const sync = cli(['sync']);
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/carddav:alice@127\.0\.0\.1:\d+\/alice\/family\/ \(carddav, initial\): 1 added/);

    const sources = JSON.parse(cli(['--json', 'sources']).stdout) as Array<{ kind: string; path: string; contactCount: number; name?: string }>;
    expect(sources.map((s) => [s.kind, s.contactCount])).toEqual(expect.arrayContaining([['carddav', 1], ['file', 1]]));
    expect(sources.find((s) => s.kind === 'carddav')).toMatchObject({ name: 'Family', path: expect.stringMatching(/^carddav:alice@/) });
    const names = (JSON.parse(cli(['--json', 'list']).stdout) as Array<{ name: string }>).map((c) => c.name).sort();
    expect(names).toEqual(['Ada Lovelace', 'Mary Smith']);

    // A server-side edit reaches the next sync.
    return server.putCard(server.users[0]!, 'family', 'mum.vcf', vcard('mum', 'Mary Smith', '(650) 555-0143')).then(() => {
      const again = cli(['--json', 'sync']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).carddav[0]).toMatchObject({ mode: 'incremental', updated: 1 });
      expect(cli(['match', '+16505550143']).stdout).toContain('Mary Smith');
    });
  });

  it('names in the sync report the vCard properties no field keeps: terse, --verbose and --json', async () => {
    const alice = server.users[0]!;
    const put = (tel: number) =>
      Promise.all([
        server.putCard(alice, 'family', 'dad.vcf', vcard('dad', 'John Smith', `(650) 555-0${tel}`, 'IMPP:xmpp:john@example.org\r\nROLE:Father')),
        server.putCard(alice, 'family', 'sis.vcf', vcard('sis', 'Jane Smith', `(650) 555-0${tel + 10}`, 'IMPP;X-SERVICE-TYPE=Skype:skype:jane.smith')),
      ]);
    const notice = 'vCard properties not kept (no field holds them): IMPP (2 contacts), ROLE (1 contact)';
    const bookLine = /^carddav:alice@127\.0\.0\.1:\d+\/alice\/family\/ \(carddav, incremental\): .*$/m;

    await put(170);
    const terse = cli(['sync']);
    expect(terse.code).toBe(0);
    // Under the book's line, once for the book, not once per card.
    expect(terse.stdout).toMatch(new RegExp(`${bookLine.source}\\n  ${notice.replace(/[()]/g, '\\$&')}\\n`, 'm'));
    expect(terse.stdout.split(notice)).toHaveLength(2);

    await put(171);
    const verbose = cli(['--verbose', 'sync']);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toContain(`  ${notice}\n`);

    await put(172);
    const json = cli(['--json', 'sync']);
    expect(json.code).toBe(0);
    const [report] = JSON.parse(json.stdout).carddav as Array<Record<string, unknown>>;
    // Only added: the fields a book report had before keep their names and shapes.
    expect(report).toMatchObject({ mode: 'incremental', added: 0, skipped: [], heldBack: null, notices: [notice] });
  });

  it('keeps the password out of the database and settings, in a file only the user can read', () => {
    const password = server.users[0]!.password;
    const secrets = join(dir, 'userdata', 'cli-secrets.json');
    expect(existsSync(secrets)).toBe(true);
    expect(statSync(secrets).mode & 0o777).toBe(0o600);
    expect(readFileSync(secrets, 'utf8')).toContain(password);
    for (const name of readdirSync(dir)) {
      if (name.startsWith('book.sqlite3')) expect(readFileSync(join(dir, name)).includes(Buffer.from(password))).toBe(false);
    }
    const settings = join(dir, 'userdata', 'settings.json');
    if (existsSync(settings)) expect(readFileSync(settings, 'utf8')).not.toContain(password);
  });

  it('adds every book when none is named, and refuses a password on the command line', () => {
    const all = cli(['--json', 'carddav', 'add', `127.0.0.1:${new URL(server.origin).port}`, '--user', 'alice', '--password-stdin'], server.users[0]!.password);
    expect(all.code).toBe(0);
    expect((JSON.parse(all.stdout).books as Array<{ displayName: string }>).map((b) => b.displayName).sort()).toEqual(['Family', 'Work']);
    const refused = cli(['carddav', 'add', server.origin, '--user', 'alice', '--password', 'x']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/never taken on the command line/);
  });

  it('says in one line why a wrong password or an unknown book is refused, and adds nothing', () => {
    const before = cli(['--json', 'sources']).stdout;
    const wrong = cli(['carddav', 'add', server.origin, '--user', 'alice', '--password-stdin'], 'nope');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error: http:\/\/127\.0\.0\.1:\d+ refused the username or password \(401\)\n$/);
    const unknown = cli(['carddav', 'add', server.origin, '--user', 'alice', '--password-stdin', '--book', 'Golf club'], server.users[0]!.password);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: no address book named "Golf club" (found: "Family", "Work")\n');
    expect(cli(['--json', 'sources']).stdout).toBe(before);
  });

  it('refuses plain http to another machine before sending anything', () => {
    const r = cli(['carddav', 'add', 'http://dav.example.com', '--user', 'alice', '--password-stdin'], 'pw');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/only https is allowed/);
  });

  it('lists the accounts and removes one: its contacts go, the file source stays', () => {
    const accounts = JSON.parse(cli(['--json', 'carddav', 'list']).stdout) as Array<{ id: number; books: Array<{ displayName: string; lastError: string | null }> }>;
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) {
      const r = cli(['carddav', 'remove', String(a.id)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const sources = JSON.parse(cli(['--json', 'sources']).stdout) as Array<{ kind: string }>;
    expect(sources.map((s) => s.kind)).toEqual(['file']);
    expect((JSON.parse(cli(['--json', 'list']).stdout) as Array<{ name: string }>).map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(readFileSync(join(dir, 'userdata', 'cli-secrets.json'), 'utf8')).not.toContain(server.users[0]!.password);
    expect(cli(['carddav', 'remove', '999']).stderr).toBe('error: no CardDAV account 999\n');
  });
});
