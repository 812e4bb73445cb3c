/**
 * Issue 14's "the CLI uses the same store where it can and says clearly where it cannot",
 * against a real Radicale, both ways, without Electron:
 * - inside the installed app (`keychain` given, as src/main/index.ts passes Electron's
 *   safeStorage and app.whenReady), passwords go through safeStorage into the app's own
 *   carddav-secrets.json, after the app is ready, and `carddav add` says so;
 * - under plain Node (a source checkout), they go to the 0600 cli-secrets.json, and
 *   `carddav add` says in one line why not the keychain.
 * The stand-in safeStorage seals with a visible transformation, so a stored clear password shows.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/main';
import type { AppKeychain } from '../../../src/main/secrets/cli-secrets';
import { radicaleMissing, startRadicale, vcard, type Radicale } from '../contacts/carddav/radicale';

const missing = radicaleMissing();
let server: Radicale;
let dir: string;
let userData: string;

beforeAll(async () => {
  if (missing) return;
  server = await startRadicale();
  await server.makeBook(server.users[0]!, 'family', 'Family');
  await server.putCard(server.users[0]!, 'family', 'mum.vcf', vcard('mum', 'Mary Smith', '+1 650 555 0142'));
  await server.makeBook(server.users[0]!, 'work', 'Work');
  await server.putCard(server.users[0]!, 'work', 'boss.vcf', vcard('boss', 'Big Boss', '+1 650 555 0199'));
});
afterAll(async () => {
  await server?.dispose();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-secrets-'));
  userData = join(dir, 'userdata');
  return () => rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for Electron's safeStorage and app readiness, recording what happened in order. */
function fakeApp(events: string[]): AppKeychain {
  let ready = false;
  return {
    whenReady: async () => {
      events.push('whenReady');
      ready = true;
    },
    safeStorage: {
      isEncryptionAvailable: () => ready,
      encryptString: (text: string) => {
        events.push('encrypt');
        return Buffer.from(`sealed:${[...text].reverse().join('')}`);
      },
      decryptString: (sealed: Buffer) => {
        events.push('decrypt');
        return [...sealed.toString().replace(/^sealed:/, '')].reverse().join('');
      },
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
  };
}

async function cli(args: string[], options: { input?: string; keychain?: AppKeychain } = {}) {
  let out = '';
  let err = '';
  const code = await runCli(['--db', join(dir, 'c.db'), '--region', 'US', ...args], {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    stdin: Readable.from([options.input ?? '']),
    env: { ...process.env, SOFTPHONE_USER_DATA: userData, CONTACTS_CLI_SECRETS: '' },
    keychain: options.keychain,
  });
  return { code, out, err };
}
const add = (keychain?: AppKeychain) =>
  cli(['carddav', 'add', server.origin, '--user', 'alice', '--password-stdin', '--book', 'Family'], { input: server.users[0]!.password, keychain });

describe.skipIf(missing)('cli carddav passwords', () => {
  it("inside the installed app: through safeStorage, after ready, into the app's own store; sync reads it back", async () => {
    const events: string[] = [];
    const app = fakeApp(events);
    const r = await add(app);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('password kept in the system keyring (gnome_libsecret), the same store the app uses\n');
    expect(events.slice(0, 2)).toEqual(['whenReady', 'encrypt']);
    const stored = readFileSync(join(userData, 'carddav-secrets.json'), 'utf8');
    expect(stored).not.toContain(server.users[0]!.password);
    expect(Object.values(JSON.parse(stored).secrets as Record<string, string>)).toEqual([
      Buffer.from(`sealed:${[...server.users[0]!.password].reverse().join('')}`).toString('base64'),
    ]);
    expect(existsSync(join(userData, 'cli-secrets.json'))).toBe(false);

    const sync = await cli(['sync'], { keychain: app });
    expect(sync.code).toBe(0);
    expect(sync.out).toMatch(/\(carddav, initial\): 1 added/);
    expect(events).toContain('decrypt');
  });

  it('inside the installed app, reading verbs, a sync of files alone and removing a file never wait for the app to be ready', async () => {
    const events: string[] = [];
    const file = join(dir, 'friends.vcf');
    writeFileSync(file, vcard('ada', 'Ada Lovelace', '+1 650 555 0101'));
    expect((await cli(['import', file], { keychain: fakeApp(events) })).code).toBe(0);
    expect((await cli(['sources'], { keychain: fakeApp(events) })).code).toBe(0);
    expect((await cli(['carddav', 'list'], { keychain: fakeApp(events) })).code).toBe(0);
    writeFileSync(file, vcard('ada', 'Ada Lovelace', '+1 650 555 0102'));
    utimesSync(file, new Date(2026, 0, 2), new Date(2026, 0, 2));
    const sync = await cli(['sync'], { keychain: fakeApp(events) });
    expect(sync.out).toMatch(/1 updated/);
    expect((await cli(['remove', file], { keychain: fakeApp(events) })).out).toBe(`removed ${file}: 1 contact deleted\n`);
    expect(events).toEqual([]);
  });

  it('under plain Node: a 0600 file, and `carddav add` says in one line why not the keychain', async () => {
    const r = await add();
    expect(r.code).toBe(0);
    const file = join(userData, 'cli-secrets.json');
    const notice = r.out.split('\n').filter((l) => l.startsWith('password kept in'));
    expect(notice).toEqual([
      `password kept in ${file}, a file only you can read: run from a source checkout, the command line cannot reach the app's keychain (the installed app's contacts-softphone-cli can)`,
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(server.users[0]!.password);
    expect(existsSync(join(userData, 'carddav-secrets.json'))).toBe(false);
    expect((await cli(['sync'])).out).toMatch(/1 added/);
  });

  it('with --json, the added books as before and the notice on stderr', async () => {
    const r = await cli(['--json', 'carddav', 'add', server.origin, '--user', 'alice', '--password-stdin'], { input: server.users[0]!.password });
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.out))).toContain('books');
    expect(r.err).toMatch(/^note: password kept in .*cli-secrets\.json, a file only you can read/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it("inside the installed app, `remove SOURCE` of an account's last book forgets the account and its safeStorage password", async () => {
    const app = fakeApp([]);
    await cli(['carddav', 'add', server.origin, '--user', 'alice', '--password-stdin', '--book', 'Family', '--book', 'Work'], { input: server.users[0]!.password, keychain: app });
    expect((await cli(['sync'], { keychain: app })).out).toMatch(/\(carddav, initial\): 1 added[\s\S]*\(carddav, initial\): 1 added/);
    const books = (JSON.parse((await cli(['--json', 'sources'])).out) as Array<{ id: number; kind: string; path: string }>).filter((s) => s.kind === 'carddav');
    const family = books.find((b) => b.path.endsWith('/family/'))!;
    const work = books.find((b) => b.path.endsWith('/work/'))!;
    const stored = () => Object.keys(JSON.parse(readFileSync(join(userData, 'carddav-secrets.json'), 'utf8')).secrets as Record<string, string>);

    // Another book still uses the account: it and its password stay, and still sync.
    const first = await cli(['remove', String(family.id)], { keychain: app });
    expect(first).toMatchObject({ code: 0, err: '', out: `removed ${family.path}: 1 contact deleted\n` });
    expect(stored()).toHaveLength(1);
    expect((await cli(['--json', 'sync'], { keychain: app })).code).toBe(0);

    const last = await cli(['remove', work.path], { keychain: app });
    expect(last).toMatchObject({ code: 0, err: '' });
    expect(last.out).toBe(`removed ${work.path}: 1 contact deleted\nit was its CardDAV account's last address book: the account and its password are forgotten\n`);
    expect(stored()).toEqual([]);
    expect(JSON.parse((await cli(['--json', 'carddav', 'list'])).out)).toEqual([]);
  });

  it('under plain Node, `remove SOURCE` of an account\'s last book takes its password out of the 0600 file, and --json says so', async () => {
    await add();
    const file = join(userData, 'cli-secrets.json');
    expect(readFileSync(file, 'utf8')).toContain(server.users[0]!.password);
    const [book] = (JSON.parse((await cli(['--json', 'sources'])).out) as Array<{ id: number; kind: string; path: string }>).filter((s) => s.kind === 'carddav');
    const r = await cli(['--json', 'remove', String(book!.id)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ id: book!.id, path: book!.path, kind: 'carddav', deleted: 0, changedNumbers: [], accountForgotten: true });
    expect(readFileSync(file, 'utf8')).not.toContain(server.users[0]!.password);
    expect(JSON.parse((await cli(['--json', 'carddav', 'list'])).out)).toEqual([]);
  });

  it("carddav remove forgets the password in the store it was kept in", async () => {
    const events: string[] = [];
    const app = fakeApp(events);
    await add(app);
    const [account] = JSON.parse((await cli(['--json', 'carddav', 'list'])).out) as Array<{ id: number }>;
    expect((await cli(['carddav', 'remove', String(account!.id)], { keychain: app })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(userData, 'carddav-secrets.json'), 'utf8')).secrets).toEqual({});
  });
});
