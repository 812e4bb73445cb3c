/**
 * A failing server changes nothing: a real Radicale behind a real HTTP proxy that can be
 * switched to answer an HTML login page, a 503, garbage, a redirect to plain http elsewhere,
 * or nothing at all (timeout). Each gives one clear line and leaves the book as it was.
 */
import { createServer, request, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCardDav, memorySecrets, type CardDav } from '../../../../src/main/contacts/carddav';
import { openTestBook, type TestBook } from '../helpers';
import { radicaleMissing, startRadicale, vcard, type Radicale } from './radicale';

type Mode = 'pass' | 'html' | '503' | 'garbage' | 'redirect-http' | 'hang';
const missing = radicaleMissing();
let server: Radicale;
let proxy: Server;
let proxyOrigin: string;
let mode: Mode = 'pass';

beforeAll(async () => {
  if (missing) return;
  server = await startRadicale();
  const target = new URL(server.origin);
  proxy = createServer((req, res) => {
    // Discovery always passes, so each mode hits a sync of a book that worked before.
    const m = mode;
    if (m === 'pass' || !req.url?.includes('/contacts-')) {
      const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
      return;
    }
    req.resume();
    if (m === 'hang') return; // never answers
    if (m === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><form action="/login"><input name="password"></form></body></html>');
    } else if (m === '503') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    } else if (m === 'garbage') {
      res.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
      res.end('<?xml version="1.0"?><multistatus xmlns="DAV:"><response><href>/alice/con');
    } else if (m === 'redirect-http') {
      res.writeHead(301, { location: 'http://dav.example.com/alice/contacts/' });
      res.end();
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyOrigin = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  await server?.dispose();
});

let book: TestBook;
let dav: CardDav;
let name = '';
let seq = 0;
beforeEach(async () => {
  book = openTestBook();
  if (missing) return;
  mode = 'pass';
  const alice = server.users[0]!;
  // One book per test, all under /contacts/ where the proxy misbehaves.
  name = `contacts-${++seq}`;
  await server.makeBook(alice, name, `Contacts ${seq}`);
  await server.putCard(alice, name, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
  dav = createCardDav({ db: book.db, store: book.store, secrets: memorySecrets(), http: { timeoutMs: 700 } });
  await dav.addAccount({ server: proxyOrigin, username: alice.name, password: alice.password, books: [name] });
  const [first] = await dav.syncAll();
  expect(first).toMatchObject({ ok: true });
});
afterEach(() => {
  mode = 'pass';
  book.close();
});

const snapshot = () => ({
  state: book.store.syncState(),
  contacts: book.store.liveAfter(0, 100).map((c) => [c.displayName, c.phones.map((p) => p.e164)]),
  books: book.db.prepare('SELECT sync_token, ctag FROM carddav_books').all(),
  cards: book.db.prepare('SELECT * FROM carddav_cards').all(),
});

describe.skipIf(missing)('CardDAV sync against a failing server', () => {
  it.each([
    ['html', /answered REPORT with a web page \(a login page\?\), not CardDAV/],
    ['503', /failed with a server error \(503\)/],
    ['garbage', /the answer is damaged or not about this address book/],
    ['redirect-http', /refusing http:\/\/dav\.example\.com: only https is allowed/],
    ['hang', /did not answer within 700 ms/],
  ] as const)('%s: one clear message, nothing changed, shown as the book\'s last error', async (m, message) => {
    await server.putCard(server.users[0]!, name, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0999'));
    await server.putCard(server.users[0]!, name, 'new.vcf', vcard('new', 'New Person', '+44 20 7946 0002'));
    const before = snapshot();
    mode = m;
    const [outcome] = await dav.syncAll();
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect(!outcome!.ok && outcome!.message.split('\n')).toHaveLength(1);
    expect(snapshot()).toEqual(before);
    expect(dav.listBooks()[0]!.lastError).toMatch(message);

    mode = 'pass';
    const [after] = await dav.syncAll();
    expect(after).toMatchObject({ ok: true, report: { added: 1, updated: 1 } });
    expect(dav.listBooks()[0]!.lastError).toBeNull();
  });
});
