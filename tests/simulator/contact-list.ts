/**
 * How the widget pages through `/contacts` and folds the result into its list (TPS
 * `_fetchContacts`, `fetchContacts`, `_syncContactsSuccess`, `_fetchContactsSuccess`).
 * Kept free of timers and DOM so the awkward rules can be unit-tested directly.
 */
import { formatContacts } from './contact-format';
import type { SimContact } from './types';

/** One `/contacts` request: resolves with the raw `response`, rejects on timeout. */
export type PageRequester = (body: { page: unknown; syncTimestamp: unknown; type: unknown }) => Promise<unknown>;

export interface FetchedContacts {
  contacts: SimContact[];
  /** The FIRST page's `syncTimestamp`, whatever later pages said. */
  syncTimestamp: unknown;
  /** The `page` values requested, in order (1, then each `nextPage` verbatim). */
  pages: unknown[];
}

/**
 * Fetches page 1 and follows `nextPage` while it is truthy. Every page carries the stored
 * `syncTimestamp`. A non-array `data` stops paging and counts as empty. Throws (so the caller
 * discards everything) when a response cannot be destructured (null / undefined) or a page
 * times out, as the widget's `const { data } = await ...` does.
 */
export async function fetchAllPages(
  request: PageRequester,
  stored: unknown,
  type: unknown,
): Promise<FetchedContacts> {
  const pages: unknown[] = [];
  const contacts: SimContact[] = [];
  let page: unknown = 1;
  let firstTimestamp: unknown;
  for (let index = 0; ; index += 1) {
    pages.push(page);
    const response = await request({ page, syncTimestamp: stored, type });
    if (response === null || response === undefined) {
      throw new TypeError(`Cannot destructure the /contacts response for page ${String(page)}`);
    }
    const { data, nextPage, syncTimestamp } = response as Record<string, unknown>;
    if (index === 0) firstTimestamp = syncTimestamp;
    if (!Array.isArray(data)) break;
    contacts.push(...formatContacts(data as SimContact[]));
    if (!nextPage) break;
    page = nextPage;
  }
  return { contacts, syncTimestamp: firstTimestamp, pages };
}

export interface ContactListState {
  contacts: SimContact[];
  syncTimestamp: unknown;
}

/** Which rule applied when a completed fetch was folded into the list. */
export type MergeKind = 'incremental' | 'replace';

/**
 * Incremental only if the widget already had a truthy timestamp AND the reply has one: then
 * contacts are replaced by id (old ones first, then the reply's) and `deleted` ones dropped.
 * Otherwise the whole list is replaced, `deleted` rows included, and a falsy timestamp
 * resets the stored one to null.
 */
export function applyFetched(
  previous: ContactListState,
  fetched: { contacts: SimContact[]; syncTimestamp: unknown },
): ContactListState & { kind: MergeKind } {
  if (previous.syncTimestamp && fetched.syncTimestamp) {
    const replied = new Set(fetched.contacts.map((c) => c.id));
    const kept = previous.contacts.filter((c) => !replied.has(c.id));
    return {
      kind: 'incremental',
      contacts: kept.concat(fetched.contacts.filter((c) => !c.deleted)),
      syncTimestamp: fetched.syncTimestamp,
    };
  }
  return {
    kind: 'replace',
    contacts: fetched.contacts,
    syncTimestamp: fetched.syncTimestamp === undefined ? null : fetched.syncTimestamp,
  };
}
