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
import { toWidgetContact } from './widget-contact';

/** Up to this many digits, a query with no E.164 form is also tried as an extension. */
const MAX_EXTENSION_DIGITS = 6;

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
): Result<MatchResponse> {
  const byKey = new Map<string, string[]>();
  const byExtension = new Map<string, string[]>();
  for (const query of new Set(body.phoneNumbers)) {
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
    if (!normalized.e164 && new RegExp(`^\\d{1,${MAX_EXTENSION_DIGITS}}$`).test(key)) push(byExtension, key, query);
  }
  const hits = store.phonesMatching([...byKey.keys()], [...byExtension.keys()]);
  const contactIds = [...new Set(hits.map((h) => h.contactId))];
  const contacts = new Map(store.contactsByIds(contactIds).map((c) => [c.id, toWidgetContact(c, serviceName)]));

  // A Map, then fromEntries: a query such as "__proto__" must stay an ordinary key.
  const answers = new Map<string, WidgetContact[]>();
  const add = (queries: string[] | undefined, contactId: number): void => {
    const contact = contacts.get(contactId);
    if (!queries || !contact) return;
    for (const q of queries) {
      const list = answers.get(q) ?? answers.set(q, []).get(q)!;
      if (!list.includes(contact)) list.push(contact);
    }
  };
  for (const hit of hits) {
    add(byKey.get(hit.matchKey), hit.contactId);
    if (hit.extension) add(byExtension.get(hit.extension), hit.contactId);
  }
  for (const list of answers.values()) list.sort((a, b) => Number(a.id) - Number(b.id));
  return ok({ data: Object.fromEntries(answers) });
}
