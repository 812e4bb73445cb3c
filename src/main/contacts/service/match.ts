/**
 * `/contacts/match`: caller ID. Each query is normalised as stored numbers are (same
 * region), all of them go to the database in one statement, and the reply is keyed by the
 * query strings exactly as sent, since the widget looks answers up by its own strings.
 */
import type { MatchResponse, WidgetContact } from '../../../shared/contact';
import { ok, type Result } from '../../../shared/result';
import { matchKey, normalizePhone, type CountryCode } from '../phone';
import type { MatchRequest } from '../requests';
import type { ContactStore } from '../store/types';
import { MAX_REPLY_BYTES, replyBytes, toWidgetContact, withinBudget } from './widget-contact';

export interface MatchOptions {
  remotePhotos: boolean;
  /** Past this many bytes (about) of contacts, later numbers get no answer. */
  maxBytes: number;
}

/**
 * Contacts answered per number. The widget shows the first match (several only when they tie),
 * and a number shared by thousands of contacts must not make a reply of thousands.
 */
export const MAX_MATCHES_PER_NUMBER = 20;

/** Up to this many digits, a query with no E.164 form is also tried as an extension. */
const MAX_EXTENSION_DIGITS = 6;
const EXTENSION_KEY = new RegExp(`^\\d{1,${MAX_EXTENSION_DIGITS}}$`);

/** E.164 as libphonenumber writes it: `+`, a country code (no leading 0), 7 to 15 digits in all. */
const CANONICAL_E164 = /^\+[1-9]\d{6,14}$/;

const push = (map: Map<string, string[]>, key: string, query: string): void => {
  const list = map.get(key);
  if (list) list.push(query);
  else map.set(key, [query]);
};

/** Answers one `/contacts/match`. */
export function matchNumbers(
  store: ContactStore,
  serviceName: string,
  region: CountryCode | undefined,
  body: MatchRequest,
  { remotePhotos, maxBytes }: MatchOptions = { remotePhotos: false, maxBytes: MAX_REPLY_BYTES },
): Result<MatchResponse> {
  const byKey = new Map<string, string[]>();
  const byExtension = new Map<string, string[]>();
  const queries = new Set(body.phoneNumbers);
  for (const query of queries) {
    // The widget mostly sends canonical E.164, which is its own match key; parsing it again
    // with libphonenumber would be most of the cost of a large batch.
    if (CANONICAL_E164.test(query)) {
      push(byKey, query, query);
      continue;
    }
    const normalized = normalizePhone(query, region);
    const key = matchKey(normalized);
    if (!key) continue;
    push(byKey, key, query);
    if (!normalized.e164 && EXTENSION_KEY.test(key)) push(byExtension, key, query);
  }
  const hits = store.phonesMatching([...byKey.keys()], [...byExtension.keys()]);
  const contactIds = new Set<number>();
  for (const h of hits) contactIds.add(h.contactId);
  // Each contact is built once, however many queries it answers.
  const contacts = new Map<number, WidgetContact>();
  const sizes = new Map<WidgetContact, number>();
  for (const c of store.contactsByIds([...contactIds])) {
    const contact = toWidgetContact(c, serviceName, remotePhotos);
    contacts.set(c.id, contact);
    sizes.set(contact, replyBytes(contact));
  }
  const sizeOf = (c: WidgetContact): number => sizes.get(c)!;

  // A null-prototype object: a query such as "__proto__" stays an ordinary key, and it costs
  // about half the allocation of a Map turned into an object (fromEntries) on this hot path.
  const data = Object.create(null) as Record<string, WidgetContact[]>;
  const add = (queries: string[] | undefined, contactId: number): void => {
    const contact = contacts.get(contactId);
    if (!queries || !contact) return;
    for (const q of queries) {
      const list = data[q];
      if (!list) data[q] = [contact];
      else if (!list.includes(contact)) list.push(contact);
    }
  };
  for (const hit of hits) {
    add(byKey.get(hit.matchKey), hit.contactId);
    if (hit.extension) add(byExtension.get(hit.extension), hit.contactId);
  }
  // Cut after sorting, so the answer is the same whatever order the hits came in. Numbers are
  // taken in the order asked; each gets at least its first contact while the reply is under
  // budget, and past it later numbers get no answer (the widget asks again for what it needs).
  let bytes = 0;
  for (const q of queries) {
    const list = data[q];
    if (!list) continue;
    if (list.length > 1) list.sort((a, b) => Number(a.id) - Number(b.id));
    if (bytes >= maxBytes) {
      delete data[q];
      continue;
    }
    const kept = withinBudget(list.length > MAX_MATCHES_PER_NUMBER ? list.slice(0, MAX_MATCHES_PER_NUMBER) : list, sizeOf, maxBytes - bytes);
    for (const c of kept) bytes += sizeOf(c);
    data[q] = kept;
  }
  return ok({ data });
}
