/**
 * The Address books window's CardDAV side over its IPC channels, against a real Radicale:
 * "Add CardDAV account…" (discovery from the bare host, the user's pick, the first sync), the
 * books listed with their login, book and outcome, a failing server's lastError, "Sync now",
 * and remove. The password goes to the secrets store only: never the database, nor a log.
 * The actions and the runner are the app's own (inline runner); only dialogs are injected.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getCountries } from 'libphonenumber-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AddressBookRow, FoundBook } from '../../../src/shared/api';
import { IPC } from '../../../src/shared/ipc';
import type { Result } from '../../../src/shared/result';
import { createAddressBooks } from '../../../src/main/actions/address-books';
import { createContactsActions } from '../../../src/main/actions/contacts-actions';
import { createInlineRunner } from '../../../src/main/actions/import-runner';
import type { ImportSummary } from '../../../src/main/actions/import-summary';
import { createCardDav, memorySecrets, type Secrets } from '../../../src/main/contacts/carddav';
import { passwordKey } from '../../../src/main/contacts/carddav/secrets';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { registerAddressBooksHandlers } from '../../../src/main/ipc/address-books-handlers';
import { vcard } from '../contacts/carddav/radicale';
import { alice, book, bookName, missing, seq, server, useRadicaleSuite } from '../contacts/carddav/radicale-suite';
import { ADDRESS_BOOKS_WINDOW_ID, MAIN_WINDOW_ID, fakeIpcMain, fromTopFrame, windowOf } from './ipc-fakes';

useRadicaleSuite('window', 'Window book');

let secrets: Secrets;
beforeEach(() => {
  secrets = memorySecrets('the test keychain');
});

function setup(confirm = true) {
  const fake = fakeIpcMain();
  const log = vi.fn();
  const summaries: ImportSummary[] = [];
  const sendCommand = vi.fn();
  const actions = createContactsActions({
    runner: createInlineRunner({ store: book.store, region: () => 'US', carddav: { db: book.db, store: book.store, secrets } }),
    chooseFiles: async () => [],
    setProgress: () => undefined,
    sendCommand,
    showSummary: async (s) => void summaries.push(s),
    log,
  });
  const books = createAddressBooks({
    store: book.store,
    sendCommand,
    importPaths: actions.importPaths,
    importContacts: actions.importContacts,
    syncBooks: actions.syncBooks,
    carddav: createCardDav({ db: book.db, store: book.store, secrets }),
    regions: getCountries(),
    confirmRemove: vi.fn(async () => confirm),
    chooseNewPath: async () => null,
    showInFolder: () => undefined,
    changed: vi.fn(),
  });
  registerAddressBooksHandlers({ gate: createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log }), books });
  const call = async <T>(channel: string, arg?: unknown, from = ADDRESS_BOOKS_WINDOW_ID) =>
    (await fake.invoke(channel, fromTopFrame(from), ...(arg === undefined ? [] : [arg]))) as Result<T>;
  const list = async () => {
    const listed = await call<AddressBookRow[]>(IPC.addressBooksList);
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value;
  };
  return { call, list, log, summaries, sendCommand };
}

const host = () => new URL(server.origin).host;
const login = () => ({ server: host(), username: alice().name, password: alice().password });
const names = () => [...book.store.allDetails()].map((c) => c.displayName).sort();

describe.skipIf(missing)('Address books window: CardDAV accounts', () => {
  it('discovers from the bare host, adds the picked book, syncs it and lists it with its login and book', async () => {
    await server.makeBook(alice(), `${bookName}-other`, 'Not this one');
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102'));
    const { call, list, summaries } = setup();

    const found = await call<FoundBook[]>(IPC.addressBooksDiscover, login());
    expect(found.ok).toBe(true);
    const mine = found.ok ? found.value.find((b) => b.displayName === `Window book ${seq}`) : undefined;
    expect(mine).toEqual({ url: `${server.origin}/alice/${bookName}/`, displayName: `Window book ${seq}`, added: false });
    expect(found.ok && found.value.map((b) => b.displayName)).toContain('Not this one');
    // Discovery stores nothing.
    expect(await list()).toEqual([]);

    expect(await call(IPC.addressBooksAddCardDav, { ...login(), books: [mine!.url] })).toEqual({ ok: true, value: undefined });
    expect(names()).toEqual(['Ada Lovelace', 'Alan Turing']);
    const [row] = await list();
    expect(row).toMatchObject({
      kind: 'carddav',
      contactCount: 2,
      outcome: '2 added, 0 updated, 0 deleted, 0 unchanged',
      missing: false,
      carddav: { login: `alice@${host()}`, book: `Window book ${seq}`, url: mine!.url, lastError: null },
    });
    expect(row!.lastSyncedAt).not.toBeNull();
    expect(summaries.at(-1)!.message).toContain('2 added');

    const again = await call<FoundBook[]>(IPC.addressBooksDiscover, login());
    expect(again.ok && again.value.find((b) => b.url === mine!.url)!.added).toBe(true);
  });

  it("names in the sync's summary the vCard properties no field keeps, under the book's line, as for a file", async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001', 'IMPP:xmpp:ada@example.org\r\nROLE:Analyst'));
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102', 'IMPP:xmpp:alan@example.org'));
    const { call, list, summaries } = setup();
    await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`] });
    const [row] = await list();
    const notice = '  vCard properties not kept (no field holds them): IMPP (2 contacts), ROLE (1 contact)';
    expect(summaries.at(-1)!.detail.split('\n')).toEqual([`${row!.path}: 2 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped`, notice]);

    // "Sync now" after an edit: the summary names what the cards read then held.
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0103', 'IMPP:xmpp:alan@example.org'));
    await call(IPC.addressBooksSync, row!.id);
    expect(summaries.at(-1)!.detail).toContain('\n  vCard properties not kept (no field holds them): IMPP (1 contact)');
  });

  it('keeps the password in the secrets store only: not in the database file, not in a log', async () => {
    const { call, log } = setup();
    await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`] });
    const accountId = book.db.prepare('SELECT id FROM carddav_accounts').pluck().get() as number;
    expect(await secrets.get(passwordKey(book.store.syncState().databaseId, accountId))).toBe(alice().password);
    book.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(book.dir)) {
      expect(readFileSync(join(book.dir, file)).includes(Buffer.from(alice().password)), file).toBe(false);
    }
    expect(JSON.stringify(log.mock.calls)).not.toContain(alice().password);
  });

  it('a wrong password gets one clear line and stores nothing', async () => {
    const { call, list } = setup();
    const added = await call(IPC.addressBooksAddCardDav, { ...login(), password: 'not it', books: [`${server.origin}/alice/${bookName}/`] });
    expect(added).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused the username or password \(401\)/) } });
    expect(added.ok ? '' : added.error.message).not.toContain('not it');
    expect(await list()).toEqual([]);
    expect(book.db.prepare('SELECT count(*) FROM carddav_accounts').pluck().get()).toBe(0);
  });

  it('refuses an empty form field and plain http to another machine before any request', async () => {
    const { call } = setup();
    expect(await call(IPC.addressBooksDiscover, { ...login(), username: '' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('a username is needed') } });
    expect(await call(IPC.addressBooksDiscover, { ...login(), server: 'http://dav.example.com' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/https/) } });
    expect(await call(IPC.addressBooksAddCardDav, { ...login(), books: [] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('shows why a failing server did not sync, keeps its contacts, and clears it once the server is back', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    const { call, list } = setup();
    await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`] });
    const [row] = await list();
    await server.stop();
    try {
      expect(await call(IPC.addressBooksSync, row!.id)).toEqual({ ok: true, value: undefined });
      const [failed] = await list();
      expect(failed!.carddav!.lastError).toMatch(new RegExp(`^Window book ${seq} \\(${host().replace('.', '\\.')}\\): cannot reach`));
      expect(failed!.contactCount).toBe(1);
      expect(names()).toEqual(['Ada Lovelace']);
    } finally {
      await server.start();
    }
    await server.putCard(alice(), bookName, 'alan.vcf', vcard('alan', 'Alan Turing', '(650) 555-0102'));
    await call(IPC.addressBooksSync, row!.id);
    const [back] = await list();
    expect(back).toMatchObject({ contactCount: 2, carddav: { lastError: null } });
  });

  it('remove tombstones the book\'s contacts and, with the account\'s last book, forgets the account and its password', async () => {
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+44 20 7946 0001'));
    const { call, list, sendCommand } = setup();
    await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`] });
    const [row] = await list();
    const accountId = book.db.prepare('SELECT id FROM carddav_accounts').pluck().get() as number;
    expect(await call(IPC.addressBooksRemove, row!.id, MAIN_WINDOW_ID)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await call(IPC.addressBooksRemove, row!.id)).toEqual({ ok: true, value: undefined });
    expect(await list()).toEqual([]);
    expect(names()).toEqual([]);
    expect(sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: ['+442079460001'] });
    expect(book.db.prepare('SELECT count(*) FROM carddav_accounts').pluck().get()).toBe(0);
    expect(await secrets.get(passwordKey(book.store.syncState().databaseId, accountId))).toBeNull();
  });

  it('remove keeps the account and its password while another of its books is left', async () => {
    await server.makeBook(alice(), `${bookName}-b`, `Second ${seq}`);
    const { call, list } = setup();
    await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`, `${server.origin}/alice/${bookName}-b/`] });
    const accountId = book.db.prepare('SELECT id FROM carddav_accounts').pluck().get() as number;
    const [first, second] = await list();
    expect(await call(IPC.addressBooksRemove, first!.id)).toEqual({ ok: true, value: undefined });
    expect((await list()).map((r) => r.id)).toEqual([second!.id]);
    expect(await secrets.get(passwordKey(book.store.syncState().databaseId, accountId))).toBe(alice().password);
    expect(await call(IPC.addressBooksRemove, second!.id)).toEqual({ ok: true, value: undefined });
    expect(book.db.prepare('SELECT count(*) FROM carddav_accounts').pluck().get()).toBe(0);
    expect(await secrets.get(passwordKey(book.store.syncState().databaseId, accountId))).toBeNull();
  });

  it('change region reads every card of the book again in that country, and later syncs keep it', async () => {
    await server.putCard(alice(), bookName, 'lena.vcf', vcard('lena', 'Lena London', '020 7946 0001'));
    await server.putCard(alice(), bookName, 'ada.vcf', vcard('ada', 'Ada Lovelace', '+1 650 555 0101'));
    const { call, list } = setup();
    await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`] });
    const lena = () => [...book.store.allDetails()].find((c) => c.displayName === 'Lena London')!.phones[0]!.e164;
    // The app's default region (US) cannot read a UK number written without +44.
    expect(lena()).toBeNull();
    const [row] = await list();
    expect(row!.region).toBeNull();

    expect(await call(IPC.addressBooksSetRegion, { id: row!.id, region: 'gb' })).toEqual({ ok: true, value: undefined });
    expect(lena()).toBe('+442079460001');
    const [after] = await list();
    expect(after).toMatchObject({ region: 'GB', contactCount: 2, outcome: '0 added, 1 updated, 0 deleted, 1 unchanged' });
    await server.putCard(alice(), bookName, 'lena.vcf', vcard('lena', 'Lena London', '020 7946 0002'));
    await call(IPC.addressBooksSync, row!.id);
    expect(lena()).toBe('+442079460002');
    expect(await call(IPC.addressBooksSetRegion, { id: row!.id, region: 'Narnia' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('only the Address books window may add an account', async () => {
    const { call, list } = setup();
    expect(await call(IPC.addressBooksDiscover, login(), MAIN_WINDOW_ID)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await call(IPC.addressBooksAddCardDav, { ...login(), books: [`${server.origin}/alice/${bookName}/`] }, MAIN_WINDOW_ID)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await list()).toEqual([]);
  });
});
