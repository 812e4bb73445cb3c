/**
 * Syncing one address book into its source, in two phases:
 * 1. network (async): the book's state; then either the changes since the stored token
 *    (sync-collection) or, without a usable token, the full listing compared with the stored
 *    ETags; then the new or changed cards by addressbook-multiget in batches of
 *    `BATCH_SIZE`, staged in TEMP tables (staging.ts). Any failure here throws and nothing
 *    of the address book has been written.
 * 2. store (sync, ONE transaction): staged cards go through the same vCard reader,
 *    `toContactRecord` and `upsert` as a file; removed cards become tombstones; the new token
 *    is stored with them. Either all of it is written or none.
 *
 * The deletion guard of files (import/deletion-guard.ts) applies to a book as to a file: a sync
 * that would delete more than its share of the book's contacts applies its additions and edits
 * but keeps the contacts the server no longer holds, and keeps the book's previous sync token
 * and getctag, so the next sync sees the same deletions again (and asks again) until one runs
 * with `allowDeletions` (`sync --allow-deletions`, or the app's dialog).
 *
 * Cards are keyed `href:<path>` within the source: the resource path is what the server uses
 * to name a card in listings, multiget answers and deletions (UIDs may be absent or repeated
 * in a damaged book), and the card's ETag is kept beside it in carddav_cards for write-back.
 */
import type { Database } from 'better-sqlite3';
import { judgeDeletions, type HeldBack } from '../import/deletion-guard';
import { readVcardBuffer, UnreadProperties } from '../import/vcard/reader';
import { MAX_LISTED_SKIPS } from '../import/importer';
import { createKeptTally, type KeptNumbers, type KeptTally } from '../import/kept-numbers';
import { toContactRecord } from '../import/record';
import type { CountryCode } from '../phone';
import { parseRegion } from '../region';
import type { ContactStore } from '../store/types';
import type { BookRow, Books } from './books';
import type { Connection } from './discovery';
import { bookState, changesSince, fetchCards, listCards, type BookState } from './remote';
import type { Staging } from './staging';

/** Cards per addressbook-multiget: bounds what one answer (and the heap) holds. */
export const BATCH_SIZE = 100;

export type SyncMode = 'initial' | 'incremental' | 'full' | 'unchanged';

export interface BookSyncReport {
  path: string;
  book: string;
  url: string;
  mode: SyncMode;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  skipped: Array<{ href: string; reason: string }>;
  /** Numbers stored as written (no E.164 form), by reason, as in a file's import report. */
  numbersKeptAsWritten: KeptNumbers[];
  changedNumbers: string[];
  changedNumbersTotal: number;
  /** Contacts the server no longer holds that were kept: too many to delete unasked. */
  heldBack: HeldBack | null;
  /**
   * What the cards read in this sync held that the report must say, as a file's `notices`: the
   * vCard properties no field keeps, once for the book, with how many contacts held each.
   */
  notices: string[];
}

export interface SyncProgress {
  path: string;
  fetched: number;
  total: number;
}

export interface BookSyncDeps {
  db: Database;
  store: ContactStore;
  books: Books;
  staging: Staging;
  region?: CountryCode;
  now: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  /** Cards per multiget (tests and the bench may lower it). */
  batchSize?: number;
  /** The user confirmed deleting what the server no longer holds, however much it is. */
  allowDeletions?: boolean;
}

export const cardKey = (href: string): string => `href:${href}`;

/**
 * Phase 1 without a usable token: the full listing, compared with what is stored. Where the
 * server supports sync-collection the listing is an initial sync-collection (empty token, RFC
 * 6578 §3.2): it comes with the token that matches it exactly, and Radicale answers it several
 * times faster than a PROPFIND of depth 1 (10 s against 50-100 s for 10,000 cards on the
 * shared test machine). Returns the token to store.
 */
async function stageFromListing(book: BookRow, state: BookState, c: Connection, deps: BookSyncDeps): Promise<BookState> {
  const initial = book.supportsSync ? await changesSince(book.url, '', c) : null;
  const listed = initial ? initial.changed : await listCards(book.url, c);
  deps.staging.addListed(listed);
  deps.staging.addGone(deps.staging.notListed(book.sourceId));
  const total = deps.staging.changedCount(book.sourceId);
  let fetched = 0;
  let after = '';
  for (;;) {
    const hrefs = deps.staging.changedAfter(book.sourceId, after, deps.batchSize ?? BATCH_SIZE);
    if (hrefs.length === 0) break;
    await stageBatch(book, hrefs, c, deps);
    fetched += hrefs.length;
    deps.onProgress?.({ path: book.path, fetched, total });
    after = hrefs[hrefs.length - 1]!;
  }
  // Without sync-collection: the token read before the listing, so changes made during it are seen next time.
  return initial ? { ctag: state.ctag, syncToken: initial.syncToken } : state;
}

async function stageBatch(book: BookRow, hrefs: readonly string[], c: Connection, deps: BookSyncDeps): Promise<void> {
  const { cards, missing } = await fetchCards(book.url, hrefs, c);
  deps.staging.addCards(cards);
  deps.staging.addGone(missing);
}

/** Phase 2: one transaction that writes everything staged, or nothing (deletions only if the guard lets them). */
function applyStaged(book: BookRow, state: BookState, deps: BookSyncDeps, skip: (href: string, reason: string) => void, kept: KeptTally, unread: UnreadProperties) {
  const { store, books, staging } = deps;
  return deps.db.transaction(() => {
    const heldBack = judgeDeletions(staging.pendingDeletions(book.sourceId), {
      damage: null,
      allowDeletions: deps.allowDeletions === true,
      where: 'on the server',
    });
    const result = store.applySourceChanges({ path: book.path, format: 'carddav', fingerprint: '' }, (writer) => {
      let after = '';
      for (;;) {
        const page = staging.cardsAfter(after, 200);
        if (page.length === 0) break;
        for (const card of page) {
          books.putCard(book.sourceId, card.href, card.etag);
          // One tally for the book: each card read on its own would name its properties in a notice of its own.
          const events = readVcardBuffer(Buffer.from(card.data, 'utf8'), { unread });
          const contacts = events.flatMap((e) => (e.kind === 'contact' ? [e.contact] : []));
          for (const e of events) if (e.kind === 'skip') skip(card.href, e.reason);
          if (contacts.length > 1) skip(card.href, `${contacts.length - 1} more vCards in one resource (only the first is used)`);
          const mapped = contacts[0] ? toContactRecord(contacts[0], { region: parseRegion(book.region) ?? deps.region, onKeptNumber: kept.note }) : null;
          if (!mapped?.ok) {
            // An unusable new version does not delete the contact the last good one gave.
            skip(card.href, mapped ? mapped.reason : 'no vCard in the resource');
            continue;
          }
          writer.upsert({ ...mapped.record, sourceKey: cardKey(card.href) });
        }
        after = page[page.length - 1]!.href;
      }
      if (heldBack) return;
      for (const href of staging.gone()) {
        writer.remove(cardKey(href));
        books.dropCard(book.sourceId, href);
      }
    });
    // Held back: the old token and getctag, so the next sync is shown the same deletions again.
    books.markSynced(book.sourceId, heldBack ? { syncToken: book.syncToken, ctag: book.ctag } : state, deps.now().toISOString());
    return { ...result, heldBack };
  })();
}

/** Syncs one book; throws a CardDavError (nothing written) when the server fails. */
export async function syncBook(book: BookRow, c: Connection, deps: BookSyncDeps): Promise<BookSyncReport> {
  const { staging } = deps;
  staging.reset();
  try {
    const syncedBefore = book.lastSyncedAt !== null;
    const base = { path: book.path, book: book.displayName, url: book.url };
    const unchanged = (state: BookState): BookSyncReport => {
      deps.books.markSynced(book.sourceId, state, deps.now().toISOString());
      return { ...base, mode: 'unchanged', added: 0, updated: 0, unchanged: 0, deleted: 0, skipped: [], numbersKeptAsWritten: [], changedNumbers: [], changedNumbersTotal: 0, heldBack: null, notices: [] };
    };
    let mode: SyncMode = syncedBefore ? 'full' : 'initial';
    let next: BookState;
    // With a token and sync-collection, the changes since the token are the only question: one
    // request, and an empty answer means nothing changed (no getctag over the whole book).
    const canAskChanges = syncedBefore && book.syncToken !== null && book.supportsSync;
    const changes = canAskChanges ? await changesSince(book.url, book.syncToken!, c) : null;
    if (changes) {
      next = { ctag: book.ctag, syncToken: changes.syncToken };
      if (changes.changed.length === 0 && changes.removed.length === 0) return unchanged(next);
      mode = 'incremental';
      deps.staging.addGone(changes.removed);
      const hrefs = changes.changed.filter((card) => card.etag === '' || deps.books.etag(book.sourceId, card.href) !== card.etag).map((card) => card.href);
      const size = deps.batchSize ?? BATCH_SIZE;
      for (let i = 0; i < hrefs.length; i += size) {
        await stageBatch(book, hrefs.slice(i, i + size), c, deps);
        deps.onProgress?.({ path: book.path, fetched: Math.min(i + size, hrefs.length), total: hrefs.length });
      }
    } else {
      const state = await bookState(book.url, c);
      // Without sync-collection the getctag (or token) tells whether anything changed.
      const same = (state.ctag !== null && state.ctag === book.ctag) || (state.syncToken !== null && state.syncToken === book.syncToken);
      if (syncedBefore && !canAskChanges && same) return unchanged({ syncToken: book.syncToken, ctag: book.ctag });
      next = await stageFromListing(book, state, c, deps);
    }
    // Listed up to MAX_LISTED_SKIPS, as for a file: a garbage book must not grow the report without bound.
    const skipped: BookSyncReport['skipped'] = [];
    const kept = createKeptTally();
    const unread = new UnreadProperties();
    const result = applyStaged(book, next, deps, (href, reason) => {
      if (skipped.length < MAX_LISTED_SKIPS) skipped.push({ href, reason });
    }, kept, unread);
    const notice = unread.notice();
    return {
      ...base,
      mode,
      added: result.added,
      updated: result.updated,
      unchanged: result.unchanged,
      deleted: result.deleted,
      skipped,
      numbersKeptAsWritten: kept.list(),
      changedNumbers: result.changedNumbers,
      changedNumbersTotal: result.changedNumbersTotal,
      heldBack: result.heldBack,
      notices: notice ? [notice] : [],
    };
  } finally {
    staging.reset();
  }
}
