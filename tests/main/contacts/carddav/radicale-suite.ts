/**
 * The frame of a CardDAV test file: one real Radicale for the file (stopped at its end), and per
 * test a fresh database and a fresh, empty address book on the server. The bindings below are
 * ES module live bindings, re-assigned by the hooks, so a test file reads them as its own.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openTestBook, type TestBook } from '../helpers';
import { radicaleMissing, startRadicale, type Radicale, type RadicaleUser } from './radicale';

/** Why the suite skips (null: Radicale is installed). */
export const missing = radicaleMissing();
export let server: Radicale;
export let book: TestBook;
/** This test's address book on the server (`/alice/<bookName>/`) and its number. */
export let bookName: string;
export let seq = 0;
export const alice = (): RadicaleUser => server.users[0]!;

/** Registers the hooks; `prefix` names the books (`book1`…), `display` their display names (`Friends 1`…). */
export function useRadicaleSuite(prefix: string, display: string): void {
  beforeAll(async () => {
    if (!missing) server = await startRadicale();
  });
  afterAll(async () => server?.dispose());
  beforeEach(async () => {
    book = openTestBook();
    if (missing) return;
    bookName = `${prefix}${++seq}`;
    await server.makeBook(alice(), bookName, `${display} ${seq}`);
  });
  afterEach(() => book.close());
}
