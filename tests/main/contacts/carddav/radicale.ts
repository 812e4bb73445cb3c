/**
 * A real Radicale (Debian's `radicale` package) for the CardDAV tests and the bench: started on
 * a free loopback port with a temporary storage folder and htpasswd (plain) authentication,
 * filled with plain HTTP requests (extended MKCOL, PUT of vCards), stopped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why the CardDAV tests cannot run here, or null when Radicale is installed. */
export function radicaleMissing(): string | null {
  const probe = spawnSync('radicale', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? null : 'radicale is not installed (apt-get install radicale); the CardDAV tests need a real server';
}

export interface RadicaleUser {
  name: string;
  password: string;
}

export interface Radicale {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  users: RadicaleUser[];
  stop(): Promise<void>;
  /** Starts it again on the same port and storage (after `stop`, or after it was killed). */
  start(): Promise<void>;
  /** Kills the server at once (SIGKILL), without waiting: the next request fails. */
  kill(): void;
  /** Creates an address book (extended MKCOL) at /USER/BOOK/. */
  makeBook(user: RadicaleUser, book: string, displayName: string): Promise<void>;
  /** PUTs one vCard at /USER/BOOK/NAME. */
  putCard(user: RadicaleUser, book: string, name: string, vcard: string): Promise<void>;
  /** PUTs a whole collection at once (Radicale accepts a multi-vCard body on the book's URL). */
  putBook(user: RadicaleUser, book: string, vcards: string): Promise<void>;
  deleteCard(user: RadicaleUser, book: string, name: string): Promise<void>;
  dispose(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const auth = (u: RadicaleUser) => `Basic ${Buffer.from(`${u.name}:${u.password}`).toString('base64')}`;

/** A vCard 3.0 as a phone would write it. */
export function vcard(uid: string, name: string, tel: string, extra = ''): string {
  const [given = '', family = ''] = name.split(' ');
  return ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, `FN:${name}`, `N:${family};${given};;;`, `TEL;TYPE=CELL:${tel}`, ...(extra ? [extra] : []), 'END:VCARD', ''].join('\r\n');
}

export async function startRadicale(users: RadicaleUser[] = [{ name: 'alice', password: 'wonder land' }]): Promise<Radicale> {
  // On tmpfs where there is one: Radicale fsyncs every file it writes, which on the shared
  // test machine's disk turns a 10,000-card upload into minutes; on tmpfs fsync is free.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'radicale-test-'));
  const htpasswd = join(dir, 'users');
  writeFileSync(htpasswd, users.map((u) => `${u.name}:${u.password}`).join('\n') + '\n');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  const request = async (method: string, path: string, user: RadicaleUser, body?: string, type?: string) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      body,
      headers: { authorization: auth(user), ...(type ? { 'content-type': type } : {}) },
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  };

  const start = async () => {
    const config = join(dir, 'config');
    writeFileSync(
      config,
      [
        '[server]', `hosts = 127.0.0.1:${port}`,
        '[auth]', 'type = htpasswd', `htpasswd_filename = ${htpasswd}`, 'htpasswd_encryption = plain', 'delay = 0',
        '[rights]', 'type = owner_only',
        '[storage]', `filesystem_folder = ${join(dir, 'collections')}`,
        '[logging]', 'level = warning',
        '',
      ].join('\n'),
    );
    const args = ['--config', config];
    const proc = spawn('radicale', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 200; i++) {
      if (proc.exitCode !== null) throw new Error(`radicale exited (${proc.exitCode}): ${stderr.slice(-500)}`);
      try {
        // Read the body: undici asserts when an unread body's connection is closed (HTTP/1.0).
        await (await fetch(`${origin}/.well-known/carddav`, { redirect: 'manual' })).arrayBuffer();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`radicale did not start on ${origin}: ${stderr.slice(-500)}`);
  };

  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  };

  await start();
  return {
    origin,
    users,
    start,
    stop,
    kill: () => {
      child?.kill('SIGKILL');
    },
    makeBook: (user, book, displayName) =>
      request(
        'MKCOL',
        `/${user.name}/${book}/`,
        user,
        `<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop>` +
          `<D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>${displayName}</D:displayname>` +
          `</D:prop></D:set></D:mkcol>`,
        'application/xml',
      ),
    putCard: (user, book, name, card) => request('PUT', `/${user.name}/${book}/${name}`, user, card, 'text/vcard; charset=utf-8'),
    putBook: (user, book, cards) => request('PUT', `/${user.name}/${book}/`, user, cards, 'text/vcard; charset=utf-8'),
    deleteCard: (user, book, name) => request('DELETE', `/${user.name}/${book}/${name}`, user),
    dispose: async () => {
      await stop();
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
