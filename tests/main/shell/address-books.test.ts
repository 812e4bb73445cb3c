import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCountries } from 'libphonenumber-js';
import { createAddressBooks } from '../../../src/main/actions/address-books';
import { createCardDav, memorySecrets } from '../../../src/main/contacts/carddav';
import type { CountryCode } from '../../../src/main/contacts/phone';
import { importFile } from '../../../src/main/contacts/import/importer';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { registerAddressBooksHandlers } from '../../../src/main/ipc/address-books-handlers';
import { IPC } from '../../../src/shared/ipc';
import { openTestBook, type TestBook } from '../contacts/helpers';
import { ADDRESS_BOOKS_WINDOW_ID, MAIN_WINDOW_ID, fakeIpcMain, fromTopFrame, windowOf } from './ipc-fakes';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
});
afterEach(() => book.close());

const card = (uid: string, name: string, tel: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nTEL:${tel}\r\nEND:VCARD\r\n`;

function setup(answers: { confirm?: boolean; newPath?: string | null } = {}) {
  const fake = fakeIpcMain();
  const deps = {
    store: book.store,
    sendCommand: vi.fn(),
    importPaths: vi.fn(async (paths: string[], options: { region?: CountryCode } = {}) => {
      for (const path of paths) importFile(book.store, path, options);
    }),
    syncBooks: vi.fn(async () => undefined),
    carddav: createCardDav({ db: book.db, store: book.store, secrets: memorySecrets() }),
    regions: getCountries(),
    importContacts: vi.fn(async () => undefined),
    confirmRemove: vi.fn(async () => answers.confirm ?? true),
    chooseNewPath: vi.fn(async () => answers.newPath ?? null),
    showInFolder: vi.fn(),
    changed: vi.fn(),
  };
  const books = createAddressBooks(deps);
  registerAddressBooksHandlers({ gate: createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() }), books });
  const call = (channel: string, arg?: unknown) => fake.invoke(channel, fromTopFrame(ADDRESS_BOOKS_WINDOW_ID), ...(arg === undefined ? [] : [arg]));
  return { deps, call, fake };
}

function twoFiles() {
  const friends = join(book.dir, 'friends.vcf');
  const work = join(book.dir, 'work.vcf');
  writeFileSync(friends, card('a', 'Ada', '+15551230001') + card('b', 'Bob', '+15551230002'));
  writeFileSync(work, card('c', 'Cleo', '+15551230003'));
  importFile(book.store, friends);
  importFile(book.store, work);
  return { friends, work, friendsId: book.store.getSource(friends)!.id };
}

describe('actions/address-books over IPC', () => {
  it('lists every source with its file, format, count, last sync and outcome; a missing file is shown as missing', async () => {
    const { friends, work } = twoFiles();
    renameSync(work, `${work}.gone`);
    const { call } = setup();
    const listed = (await call(IPC.addressBooksList)) as { ok: true; value: Array<Record<string, unknown>> };
    expect(listed.value).toEqual([
      expect.objectContaining({ path: friends, format: 'vcard', contactCount: 2, missing: false, watching: true, lastSyncedAt: '2026-01-02T03:04:05.000Z', outcome: '2 added, 0 updated, 0 deleted, 0 unchanged', region: null, carddav: null }),
      expect.objectContaining({ path: work, contactCount: 1, missing: true }),
    ]);
  });

  it('remove tombstones the contacts and tells the widget with their numbers; the other source stays', async () => {
    const { friendsId, work } = twoFiles();
    const { call, deps } = setup();
    const revision = book.store.syncState().revision;
    expect(await call(IPC.addressBooksRemove, friendsId)).toEqual({ ok: true, value: undefined });
    expect(book.store.listSources().map((s) => s.path)).toEqual([work]);
    expect([...book.store.allDetails()].map((c) => c.displayName)).toEqual(['Cleo']);
    // The widget's next incremental fetch gets tombstones for both.
    expect(book.store.changedBetween({ afterRev: revision, afterId: 0, upTo: book.store.syncState().revision }, 100).filter((c) => c.deleted)).toHaveLength(2);
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: expect.arrayContaining(['+15551230001', '+15551230002']) });
    expect(deps.changed).toHaveBeenCalled();
  });

  it('remove asks first; "no" changes nothing', async () => {
    const { friendsId } = twoFiles();
    const { call, deps } = setup({ confirm: false });
    await call(IPC.addressBooksRemove, friendsId);
    expect(book.store.listSources()).toHaveLength(2);
    expect(deps.sendCommand).not.toHaveBeenCalled();
  });

  it('show in folder reveals only a known source\'s file, by id', async () => {
    const { friends, friendsId } = twoFiles();
    const { call, deps } = setup();
    await call(IPC.addressBooksReveal, friendsId);
    expect(deps.showInFolder.mock.calls).toEqual([[friends]]);
    expect(await call(IPC.addressBooksReveal, 999)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call(IPC.addressBooksReveal, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(deps.showInFolder).toHaveBeenCalledTimes(1);
  });

  it('locate… re-points a missing file\'s source to where it is now and syncs it there', async () => {
    const { friends, friendsId } = twoFiles();
    const moved = join(book.dir, 'moved.vcf');
    renameSync(friends, moved);
    const { call, deps } = setup({ newPath: moved });
    expect(await call(IPC.addressBooksLocate, friendsId)).toEqual({ ok: true, value: undefined });
    expect(book.store.getSourceById(friendsId)).toMatchObject({ path: moved, contactCount: 2 });
    expect(deps.importPaths).toHaveBeenCalledWith([moved]);
  });

  it('sync now re-imports the source\'s file; a missing one is refused', async () => {
    const { friends, friendsId, work } = twoFiles();
    writeFileSync(friends, card('a', 'Ada King', '+15551230001'));
    const { call } = setup();
    expect(await call(IPC.addressBooksSync, friendsId)).toEqual({ ok: true, value: undefined });
    expect([...book.store.allDetails()].map((c) => c.displayName).sort()).toEqual(['Ada King', 'Cleo']);
    renameSync(work, `${work}.gone`);
    expect(await call(IPC.addressBooksSync, book.store.getSource(work)!.id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('watching can be turned off per source', async () => {
    const { friendsId } = twoFiles();
    const { call } = setup();
    await call(IPC.addressBooksSetWatching, { id: friendsId, watching: false });
    expect(book.store.getSourceById(friendsId)!.watching).toBe(false);
  });

  it('change region re-imports the file with its numbers read in that country, and keeps the region', async () => {
    const file = join(book.dir, 'london.vcf');
    writeFileSync(file, card('l', 'Lena', '020 7946 0001'));
    importFile(book.store, file, { region: 'US' });
    const id = book.store.getSource(file)!.id;
    const number = () => [...book.store.allDetails()][0]!.phones[0]!.e164;
    expect(number()).not.toBe('+442079460001');
    const { call, deps } = setup();
    expect(await call(IPC.addressBooksSetRegion, { id, region: 'gb' })).toEqual({ ok: true, value: undefined });
    expect(number()).toBe('+442079460001');
    expect(book.store.getSourceById(id)!.region).toBe('GB');
    expect(deps.changed).toHaveBeenCalled();
    const listed = (await call(IPC.addressBooksList)) as { ok: true; value: Array<{ id: number; region: string | null }> };
    expect(listed.value.find((r) => r.id === id)!.region).toBe('GB');
  });

  it('change region refuses what is not a country, and a missing file, changing nothing', async () => {
    const { friends, friendsId } = twoFiles();
    const { call, deps } = setup();
    expect(await call(IPC.addressBooksSetRegion, { id: friendsId, region: 'XX' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'not a country code: "XX"' } });
    expect(await call(IPC.addressBooksSetRegion, { id: friendsId, region: 'DE', path: '/etc' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    renameSync(friends, `${friends}.gone`);
    expect(await call(IPC.addressBooksSetRegion, { id: friendsId, region: 'DE' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(deps.importPaths).not.toHaveBeenCalled();
    expect(book.store.getSourceById(friendsId)!.region).toBeNull();
  });

  it('offers every country libphonenumber-js knows for the region list', async () => {
    const { call } = setup();
    const regions = (await call(IPC.addressBooksRegions)) as { ok: true; value: string[] };
    expect(regions.value).toContain('GB');
    expect(regions.value).toContain('DE');
    expect(regions.value.length).toBeGreaterThan(200);
  });

  it('the widget host page cannot remove a source', async () => {
    const { friendsId } = twoFiles();
    const { fake } = setup();
    expect(await fake.invoke(IPC.addressBooksRemove, fromTopFrame(MAIN_WINDOW_ID), friendsId)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(book.store.listSources()).toHaveLength(2);
  });
});
