/**
 * CardDAV sources against a real Radicale: discovery from the bare host, the first sync,
 * incremental syncs after server-side add / edit / delete, a wrong password, and the server
 * stopped in the middle of a sync (nothing changes).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCardDav, memorySecrets, type CardDav } from '../../../../src/main/contacts/carddav';
import { vcard } from './radicale';
import { alice, book, bookName, missing, seq, server, useRadicaleSuite } from './radicale-suite';

useRadicaleSuite('book', 'Friends');

let secrets = memorySecrets();
beforeEach(() => {
  secrets = memorySecrets();
});
const carddav = (extra: Partial<Parameters<typeof createCardDav>[0]> = {}): CardDav =>
  createCardDav({ db: book.db, store: book.store, secrets, region: 'US', ...extra });

/** The live contacts as name → numbers, read back through the widget's service. */
function contacts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let after = 0; ; ) {
    const page = book.store.liveAfter(after, 500);
    if (!page.length) return out;
    for (const c of page) out[c.displayName] = c.phones.map((p) => p.e164 ?? p.raw);
    after = page[page.length - 1]!.id;
  }
}

async function addAlice(dav: CardDav, books?: string[]) {
  return dav.addAccount({ server: server.origin, username: alice().name, password: alice().password, books });
}

describe.skipIf(missing)('CardDAV against Radicale', () => {
  it('discovers the address books from the bare host', async () => {
    await server.makeBook(alice(), `${bookName}-work`, 'Work people');
    const found = await carddav().discover(server.origin, { username: alice().name, password: alice().password });
    expect(found.principalUrl).toBe(`${server.origin}/alice/`);
    const names = found.books.map((b) => b.displayName);
    expect(names).toEqual(expect.arrayContaining([`Friends ${seq}`, 'Work people']));
    const friends = found.books.find((b) => b.displayName === `Friends ${seq}`)!;
    expect(friends.url).toBe(`${server.origin}/alice/${bookName}/`);
    expect(friends.supportsSync).toBe(true);
  });

  it('syncs every card on the first sync and lists the book as a carddav source', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102'));
    const dav = carddav();
    const added = await addAlice(dav, [`Friends ${seq}`]);
    expect(added.books).toHaveLength(1);
    const [outcome] = await dav.syncAll();
    expect(outcome).toMatchObject({ ok: true, report: { mode: 'initial', added: 2, deleted: 0 } });
    expect(contacts()).toEqual({ 'Ada Lovelace': ['+442079460001'], 'Alan Turing': ['+16505550102'] });
    const source = book.store.listSources().find((s) => s.kind === 'carddav')!;
    expect(source).toMatchObject({ kind: 'carddav', format: 'carddav', contactCount: 2, path: `carddav:alice@${new URL(server.origin).host}/alice/${bookName}/` });
    const row = book.db.prepare('SELECT href, etag FROM carddav_cards ORDER BY href').all() as Array<{ href: string; etag: string }>;
    expect(row.map((r) => r.href)).toEqual([`/alice/${bookName}/ada.vcf`, `/alice/${bookName}/alan.vcf`]);
    expect(row.every((r) => r.etag.length > 2)).toBe(true);
  });

  it('applies server-side add, edit and delete incrementally, keeping contact ids', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102'));
    await server.putCard(alice(), bookName, 'grace.vcf', vcard('grace', 'Grace Hopper', '(650) 555-0103'));
    const dav = carddav();
    await addAlice(dav, [bookName]);
    await dav.syncAll();
    const idOf = (name: string) => book.store.liveAfter(0, 100).find((c) => c.displayName === name)?.id;
    const adaId = idOf('Ada Lovelace');
    const revBefore = book.store.syncState().revision;

    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0999'));
    await server.deleteCard(alice(), bookName, 'alan.vcf');
    await server.putCard(alice(), bookName, 'linus.vcf', vcard('linus', 'Linus Torvalds', '(650) 555-0104'));
    const [outcome] = await dav.syncAll();
    expect(outcome).toMatchObject({ ok: true, report: { mode: 'incremental', added: 1, updated: 1, deleted: 1 } });
    expect(outcome!.ok && outcome!.report.changedNumbers.sort()).toEqual(['+16505550102', '+16505550104', '+442079460001', '+442079460999'].sort());
    expect(contacts()).toEqual({ 'Ada Lovelace': ['+442079460999'], 'Grace Hopper': ['+16505550103'], 'Linus Torvalds': ['+16505550104'] });
    expect(idOf('Ada Lovelace')).toBe(adaId);
    // The deletion is a tombstone the widget's incremental fetch sees.
    const changed = book.store.changedBetween({ upTo: book.store.syncState().revision, afterRev: revBefore, afterId: 0 }, 100);
    expect(changed.filter((c) => c.deleted)).toHaveLength(1);

    const [again] = await dav.syncAll();
    expect(again).toMatchObject({ ok: true, report: { mode: 'unchanged', added: 0, updated: 0, deleted: 0 } });
  });

  it('names the vCard properties no field keeps once for the book, with how many contacts held each', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001', 'IMPP:xmpp:ada@example.org\r\nROLE:Analyst'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102', 'IMPP;X-SERVICE-TYPE=Skype:skype:alan.turing'));
    await server.putCard(alice(), bookName, 'grace.vcf', vcard('grace', 'Grace Hopper', '(650) 555-0103'));
    const dav = carddav();
    await addAlice(dav, [bookName]);
    const [first] = await dav.syncAll();
    expect(first).toMatchObject({ ok: true, report: { mode: 'initial', added: 3 } });
    expect(first!.ok && first!.report.notices).toEqual(['vCard properties not kept (no field holds them): IMPP (2 contacts), ROLE (1 contact)']);

    // An incremental sync reads only the changed cards, and names what they held (GEO alone changes no field).
    await server.putCard(alice(), bookName, 'grace.vcf', vcard('grace', 'Grace Hopper', '(650) 555-0103', 'GEO:geo:38.9,-77.0'));
    const [next] = await dav.syncAll();
    expect(next).toMatchObject({ ok: true, report: { mode: 'incremental', updated: 0, unchanged: 1 } });
    expect(next!.ok && next!.report.notices).toEqual(['vCard properties not kept (no field holds them): GEO (1 contact)']);
    const [same] = await dav.syncAll();
    expect(same).toMatchObject({ ok: true, report: { mode: 'unchanged', notices: [] } });
  });

  it('refuses a wrong password with one clear message and stores nothing', async () => {
    const dav = carddav();
    await expect(dav.addAccount({ server: server.origin, username: 'alice', password: 'wrong' })).rejects.toThrow(/refused the username or password \(401\)/);
    expect(dav.listAccounts()).toEqual([]);
    expect(book.store.listSources()).toEqual([]);
  });

  it('changes nothing when the server stops in the middle of a sync', async () => {
    const cards = Array.from({ length: 30 }, (_, i) => vcard(`p${i}`, `Person ${i}`, `(650) 555-${String(1000 + i)}`)).join('');
    await server.putBook(alice(), bookName, cards);
    const dav = carddav({ batchSize: 10 });
    await addAlice(dav, [bookName]);
    await dav.syncAll();
    expect(Object.keys(contacts())).toHaveLength(30);
    const before = { state: book.store.syncState(), contacts: contacts(), cards: book.db.prepare('SELECT * FROM carddav_cards ORDER BY href').all() };

    // Edit every card, then kill the server after the first batch of the next sync.
    const edited = Array.from({ length: 30 }, (_, i) => vcard(`p${i}`, `Person ${i}`, `(650) 555-${String(2000 + i)}`)).join('');
    await server.putBook(alice(), bookName, edited);
    let kills = 0;
    const killing = carddav({ batchSize: 10, onProgress: () => kills++ === 0 && server.kill() });
    const outcomes = await killing.syncAll();
    try {
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ ok: false });
      expect(!outcomes[0]!.ok && outcomes[0]!.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+ \((ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)\)/);
      expect(book.store.syncState()).toEqual(before.state);
      expect(contacts()).toEqual(before.contacts);
      expect(book.db.prepare('SELECT * FROM carddav_cards ORDER BY href').all()).toEqual(before.cards);
      expect(killing.listBooks()[0]!.lastError).toMatch(/cannot reach/);
    } finally {
      await server.start();
    }
    // Once the server is back, the next sync applies the edits and clears the error.
    const [retry] = await killing.syncAll();
    expect(retry).toMatchObject({ ok: true, report: { updated: 30 } });
    expect(killing.listBooks()[0]!.lastError).toBeNull();
  });

  it('falls back to the full listing when the server no longer knows the token, and still sees deletions', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102'));
    const dav = carddav();
    await addAlice(dav, [bookName]);
    await dav.syncAll();
    book.db.prepare("UPDATE carddav_books SET sync_token = 'http://radicale.org/ns/sync/0000', ctag = 'stale'").run();
    await server.deleteCard(alice(), bookName, 'alan.vcf');
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0002'));
    const [outcome] = await dav.syncAll();
    expect(outcome).toMatchObject({ ok: true, report: { mode: 'full', added: 0, updated: 1, deleted: 1 } });
    expect(contacts()).toEqual({ 'Ada Lovelace': ['+442079460002'] });
    expect(book.db.prepare('SELECT sync_token FROM carddav_books').pluck().get()).not.toBe('http://radicale.org/ns/sync/0000');
  });

  it('compares ETags of a PROPFIND listing where the server has no sync-collection', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102'));
    const requests: string[] = [];
    const dav = carddav({ http: { onRequest: (method) => requests.push(method) } });
    await addAlice(dav, [bookName]);
    book.db.prepare('UPDATE carddav_books SET supports_sync = 0').run();
    requests.length = 0;
    await expect(dav.syncAll()).resolves.toMatchObject([{ ok: true, report: { mode: 'initial', added: 2 } }]);
    expect(requests).toEqual(['PROPFIND', 'PROPFIND', 'REPORT']); // state, listing, one multiget

    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0199'));
    await server.deleteCard(alice(), bookName, 'ada.vcf');
    requests.length = 0;
    const [outcome] = await dav.syncAll();
    expect(outcome).toMatchObject({ ok: true, report: { mode: 'full', updated: 1, deleted: 1, unchanged: 0 } });
    expect(requests).toEqual(['PROPFIND', 'PROPFIND', 'REPORT']); // only the changed card is fetched
    expect(contacts()).toEqual({ 'Alan Turing': ['+16505550199'] });
  });
});
