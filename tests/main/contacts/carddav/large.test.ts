/**
 * A 10,000-card address book on a real Radicale: the first sync fetches it in multiget batches
 * of 100 (never the whole book in one answer), the heap stays bounded while it does, and a
 * following sync with nothing changed asks for the book's state only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCardDav, memorySecrets } from '../../../../src/main/contacts/carddav';
import { openTestBook, type TestBook } from '../helpers';
import { radicaleMissing, startRadicale, vcard, type Radicale } from './radicale';

const missing = radicaleMissing();
const CARDS = 10_000;
let server: Radicale;
let book: TestBook;

beforeAll(async () => {
  book = openTestBook();
  if (missing) return;
  server = await startRadicale();
  const alice = server.users[0]!;
  await server.makeBook(alice, 'big', 'Big');
  const body = Array.from({ length: CARDS }, (_, i) =>
    vcard(`card-${i}`, `Person${i} Number${i}`, `+1 650 55${String(i).padStart(5, '0')}`, `EMAIL:person${i}@example.com\r\nNOTE:${'x'.repeat(200)}`),
  ).join('');
  const start = Date.now();
  await server.putBook(alice, 'big', body);
  console.log(`filled ${CARDS} cards in ${Date.now() - start} ms`);
}, 400_000);
afterAll(async () => {
  book.close();
  await server?.dispose();
});

describe.skipIf(missing)('a 10,000-card address book', () => {
  it('syncs every card in batches with bounded memory', async () => {
    const requests: string[] = [];
    let peakHeap = 0;
    const dav = createCardDav({
      db: book.db,
      store: book.store,
      secrets: memorySecrets(),
      // Radicale (Python) takes tens of seconds for its first look at a 10,000-card collection
      // on the shared 2-core test machine; the app's 30 s default is for real servers.
      http: { timeoutMs: 180_000, onRequest: (method) => requests.push(method) },
      onProgress: () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
    });
    await dav.addAccount({ server: server.origin, username: 'alice', password: server.users[0]!.password });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = Date.now();
    const [outcome] = await dav.syncAll();
    console.log(`synced in ${Date.now() - start} ms`);
    expect(outcome).toMatchObject({ ok: true, report: { mode: 'initial', added: CARDS, skipped: [] } });
    expect(book.store.countContacts()).toBe(CARDS);
    // One listing (an initial sync-collection), then multigets of 100 cards each.
    expect(requests.filter((m) => m === 'REPORT')).toHaveLength(1 + CARDS / 100);
    // Loose: the staged vCards (≈3.5 MB) and the store's work stay off the heap.
    expect((peakHeap - heapBefore) / 2 ** 20).toBeLessThan(120);

    requests.length = 0;
    const [again] = await dav.syncAll();
    expect(again).toMatchObject({ ok: true, report: { mode: 'unchanged' } });
    expect(requests).toEqual(['REPORT']); // one sync-collection with the token, answered empty
  }, 400_000);
});
