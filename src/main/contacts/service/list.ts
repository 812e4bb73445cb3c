/**
 * `/contacts`: full and incremental lists in keyset pages.
 *
 * Page 1 fixes the `syncTimestamp` (the revision at that moment) and every later page
 * repeats it, so changes made while later pages are read reach the next incremental fetch.
 * A full fetch walks live contacts by id: a contact added meanwhile shows up once, a deleted
 * one is removed by the next incremental fetch. A changes fetch walks (rev, id) up to the
 * page-1 revision: a contact changed meanwhile moves past it and comes with the next fetch.
 */
import type { ContactsPageResponse } from '../../../shared/contact';
import { fail, ok, type Result } from '../../../shared/result';
import type { ListRequest } from '../requests';
import { isHidden } from '../store/people';
import type { ContactStore } from '../store/types';
import { decodeCursor, encodeCursor, encodeSyncTimestamp, judgeSyncTimestamp, type PageCursor } from '../sync-token';
import { replyBytes, toTombstone, toWidgetContact } from './widget-contact';

export interface ListOptions {
  pageSize: number;
  /** A page ends early once its contacts add up to this many bytes (about; see replyBytes). */
  maxBytes: number;
  remotePhotos: boolean;
}

const isFirstPage = (page: ListRequest['page']): boolean =>
  page === undefined || page === null || page === 1 || page === '1' || page === '';

/** Answers one `/contacts` page: at most `pageSize` contacts and about `maxBytes` of them. */
export function listPage(store: ContactStore, serviceName: string, options: ListOptions, body: ListRequest): Result<ContactsPageResponse> {
  const { pageSize, maxBytes, remotePhotos } = options;
  const state = store.syncState();
  let cursor: PageCursor;
  if (isFirstPage(body.page)) {
    const verdict = judgeSyncTimestamp(body.syncTimestamp, state);
    cursor =
      verdict.kind === 'full'
        ? { mode: 'full', snapshot: state.revision, afterId: 0 }
        : { mode: 'changes', snapshot: state.revision, afterRev: verdict.since, afterId: Number.MAX_SAFE_INTEGER };
  } else {
    const decoded = decodeCursor(state.databaseId, body.page);
    if (!decoded) return fail('bad-request', 'page: not a page cursor from this address book');
    cursor = decoded;
  }

  const syncTimestamp = encodeSyncTimestamp(state.databaseId, cursor.snapshot);
  // One extra row says whether another page follows, without a count query.
  const rows =
    cursor.mode === 'full'
      ? store.liveAfter(cursor.afterId, pageSize + 1)
      : store.changedBetween({ upTo: cursor.snapshot, afterRev: cursor.afterRev, afterId: cursor.afterId }, pageSize + 1);
  const data: ContactsPageResponse['data'] = [];
  let bytes = 0;
  for (const c of rows.length > pageSize ? rows.slice(0, pageSize) : rows) {
    // A contact linked into a person under another id has left the widget's list, like a deleted one.
    const item = c.deleted || isHidden(c) ? toTombstone(c.id, serviceName) : toWidgetContact(c, serviceName, remotePhotos);
    bytes += replyBytes(item);
    if (bytes > maxBytes && data.length > 0) break;
    data.push(item);
  }
  const more = rows.length > data.length;
  const last = rows[data.length - 1];
  let nextPage: string | null = null;
  if (more && last) {
    const next: PageCursor =
      cursor.mode === 'full'
        ? { ...cursor, afterId: last.id }
        : { ...cursor, afterRev: last.rev, afterId: last.id };
    nextPage = encodeCursor(state.databaseId, next);
  }
  return ok({ data, nextPage, syncTimestamp });
}
