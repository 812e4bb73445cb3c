/**
 * The reads of one address book, all through tsdav: its state (getctag, sync-token), the
 * listing of its cards (href + ETag, PROPFIND depth 1), the cards themselves
 * (addressbook-multiget, in batches), and the changes since a token (sync-collection).
 *
 * tsdav returns a failed request as `{ ok: false }` entries, and an answer that is not a
 * multistatus as one entry with no href; both are turned into CardDavErrors here, so a
 * damaged answer can never read as "the book is empty".
 */
import { addressBookMultiGet, propfind, syncCollection, type DAVResponse } from 'tsdav';
import type { Connection } from './discovery';
import { text } from './discovery';
import { CardDavError } from './errors';
import { hrefPath, sameCollection } from './urls';

export interface BookState {
  ctag: string | null;
  syncToken: string | null;
}

export interface ListedCard {
  /** Path (+ query) of the card resource. */
  href: string;
  etag: string;
}

export interface FetchedCard extends ListedCard {
  data: string;
}

export interface Changes {
  changed: ListedCard[];
  removed: string[];
  syncToken: string | null;
}

const isMultistatus = (responses: DAVResponse[]): boolean =>
  responses.length > 0 && responses.every((r) => (r.raw as { multistatus?: unknown } | undefined)?.multistatus !== undefined);

function expectMultistatus(responses: DAVResponse[], what: string, url: string): void {
  if (isMultistatus(responses)) return;
  const status = responses[0]?.status;
  const why = status && (status < 200 || status >= 300) ? `answered ${status}` : 'did not answer with a WebDAV multistatus';
  throw new CardDavError(status === 404 ? 'not-found' : 'bad-response', `${url}: ${what} failed (the server ${why})`);
}

const isCollection = (r: DAVResponse): boolean => {
  const type = r.props?.resourcetype as Record<string, unknown> | undefined;
  return !!type && typeof type === 'object' && 'collection' in type;
};

/** The book's getctag and sync-token right now (one PROPFIND, depth 0). */
export async function bookState(url: string, c: Connection): Promise<BookState> {
  const responses = await propfind({ url, props: { 'cs:getctag': {}, 'd:sync-token': {} }, depth: '0', headers: c.headers, fetch: c.fetch });
  expectMultistatus(responses, 'reading the address book', url);
  const self = responses.find((r) => r.href && sameCollection(r.href, url, url));
  if (!self) throw new CardDavError('bad-response', `${url}: the answer is damaged or not about this address book`);
  if (!self.ok) throw new CardDavError(self.status === 404 ? 'not-found' : 'bad-response', `${url}: the address book answered ${self.status}`);
  return { ctag: text(self.props?.getctag), syncToken: text(self.props?.syncToken) };
}

/** Every card resource of the book with its ETag (the book itself and sub-collections left out). */
export async function listCards(url: string, c: Connection): Promise<ListedCard[]> {
  const responses = await propfind({
    url,
    props: { 'd:getetag': {}, 'd:resourcetype': {} },
    depth: '1',
    headers: c.headers,
    fetch: c.fetch,
  });
  expectMultistatus(responses, 'listing the cards', url);
  const cards: ListedCard[] = [];
  for (const r of responses) {
    if (!r.href) throw new CardDavError('bad-response', `${url}: the listing holds an entry without an href`);
    const href = hrefPath(r.href, url);
    if (sameCollection(href, url, url) || isCollection(r)) continue;
    if (!r.ok) continue; // a member the server cannot describe (e.g. 403 on one entry)
    cards.push({ href, etag: text(r.props?.getetag) ?? '' });
  }
  return cards;
}

/**
 * The cards at `hrefs` (one addressbook-multiget). Hrefs the server answers 404 for were
 * deleted meanwhile and come back in `missing`.
 */
export async function fetchCards(url: string, hrefs: readonly string[], c: Connection): Promise<{ cards: FetchedCard[]; missing: string[] }> {
  const responses = await addressBookMultiGet({
    url,
    props: { 'd:getetag': {}, 'card:address-data': {} },
    objectUrls: [...hrefs],
    depth: '1',
    headers: c.headers,
    fetch: c.fetch,
  });
  expectMultistatus(responses, 'fetching cards', url);
  const wanted = new Set(hrefs);
  const cards: FetchedCard[] = [];
  const missing: string[] = [];
  for (const r of responses) {
    if (!r.href) continue;
    const href = hrefPath(r.href, url);
    if (!wanted.delete(href)) continue;
    if (r.status === 404) {
      missing.push(href);
      continue;
    }
    const data = text(r.props?.addressData);
    if (!r.ok || data === null) throw new CardDavError('bad-response', `${url}: the server did not send the card ${href} (${r.status})`);
    cards.push({ href, etag: text(r.props?.getetag) ?? '', data });
  }
  // A card neither sent nor reported missing means the answer was cut short: refuse it.
  if (wanted.size) throw new CardDavError('bad-response', `${url}: the server left ${wanted.size} of ${hrefs.length} requested cards unanswered`);
  return { cards, missing };
}

/**
 * Changes since `token` (RFC 6578 sync-collection, depth 1); the empty token lists every card.
 * Null when the server no longer
 * accepts the token (403 / 409 valid-sync-token, 400, or a truncated 507 answer): then the
 * caller compares a full listing instead.
 */
export async function changesSince(url: string, token: string, c: Connection): Promise<Changes | null> {
  let responses: DAVResponse[];
  try {
    responses = await syncCollection({ url, props: { 'd:getetag': {} }, syncLevel: 1, syncToken: token, headers: c.headers, fetch: c.fetch });
  } catch (error) {
    if (error instanceof CardDavError && error.code === 'forbidden') return null;
    throw error;
  }
  const first = responses[0];
  if (!isMultistatus(responses)) {
    if (first && [400, 409, 412, 501].includes(first.status)) return null;
    expectMultistatus(responses, 'asking for changes', url);
  }
  const raw = first?.raw as { multistatus?: { syncToken?: unknown } } | undefined;
  const syncToken = text(raw?.multistatus?.syncToken);
  const changed: ListedCard[] = [];
  const removed: string[] = [];
  for (const r of responses) {
    if (!r.href) continue; // the empty multistatus of "nothing changed"
    const href = hrefPath(r.href, url);
    if (sameCollection(href, url, url)) {
      if (r.status === 507) return null; // truncated: take the full listing instead
      continue;
    }
    if (r.status === 404) removed.push(href);
    else if (r.ok && !isCollection(r)) changed.push({ href, etag: text(r.props?.getetag) ?? '' });
  }
  if (!syncToken) return null;
  return { changed, removed, syncToken };
}
