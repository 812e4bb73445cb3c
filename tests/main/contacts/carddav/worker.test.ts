/**
 * The app's Sync (tray, menu, the periodic timer) runs in the import worker: main reads the
 * CardDAV passwords from its keychain and hands them over, the worker syncs files and books on
 * its own connection. Against a real Radicale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRunner } from '../../../../src/main/actions/import-worker-runner';
import { createCardDav, memorySecrets } from '../../../../src/main/contacts/carddav';
import { passwordsFor } from '../../../../src/main/contacts/carddav/all-sources';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { createContactStore } from '../../../../src/main/contacts/store';
import { radicaleMissing, startRadicale, vcard, type Radicale } from './radicale';

const workerPath = path.resolve(__dirname, '../../../../src/main/actions/import-worker.ts');
const createWorker = (file: string, options: ConstructorParameters<typeof Worker>[1]) =>
  new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { ...options, eval: true });

const missing = radicaleMissing();
let server: Radicale;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carddav-worker-'));
  if (missing) return;
  server = await startRadicale();
  await server.makeBook(server.users[0]!, 'team', 'Team');
  await server.putCard(server.users[0]!, 'team', 'ada.vcf', vcard('ada', 'Ada Lovelace', '(650) 555-0123'));
});
afterAll(async () => {
  await server?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(missing)('the import worker syncs CardDAV books', () => {
  it('with the passwords main hands over; without them the book fails and nothing changes', async () => {
    const dbPath = path.join(dir, 'contacts.sqlite3');
    const db = openDatabase(dbPath);
    const store = createContactStore({ db });
    const secrets = memorySecrets();
    await createCardDav({ db, store, secrets }).addAccount({ server: server.origin, username: 'alice', password: server.users[0]!.password });

    const without = createWorkerRunner({ workerPath, dbPath, region: () => 'US', createWorker });
    const refused = await without.sync(() => undefined);
    expect(refused).toMatchObject({ ok: true, value: { carddav: [], failed: [{ message: expect.stringMatching(/no password stored for alice/) }] } });
    expect(store.countContacts()).toBe(0);

    const runner = createWorkerRunner({ workerPath, dbPath, region: () => 'US', createWorker, passwords: () => passwordsFor(db, store.syncState().databaseId, secrets) });
    const result = await runner.sync(() => undefined);
    expect(result).toMatchObject({ ok: true, value: { failed: [], carddav: [{ mode: 'initial', added: 1, changedNumbers: ['+16505550123'] }] } });
    expect(store.countContacts()).toBe(1);
    closeDatabase(db);
  });

  it('syncs one book (the Address books window\'s Sync now, a confirmed deletion) by its source path', async () => {
    const dbPath = path.join(dir, 'one-book.sqlite3');
    const db = openDatabase(dbPath);
    const store = createContactStore({ db });
    const secrets = memorySecrets();
    const added = await createCardDav({ db, store, secrets }).addAccount({ server: server.origin, username: 'alice', password: server.users[0]!.password, books: ['Team'] });
    const runner = createWorkerRunner({ workerPath, dbPath, region: () => 'US', createWorker, passwords: () => passwordsFor(db, store.syncState().databaseId, secrets) });
    const synced = await runner.syncBook(added.books[0]!.path, { allowDeletions: true });
    expect(synced).toMatchObject({ ok: true, value: { path: added.books[0]!.path, mode: 'initial', added: 1, heldBack: null } });
    expect(store.countContacts()).toBe(1);
    expect(await runner.syncBook('carddav:nobody@nowhere/none/')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    closeDatabase(db);
  });
});
