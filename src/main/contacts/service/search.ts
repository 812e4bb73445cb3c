/**
 * `/contacts/search`: substring search through the indexes, ranked by relevance, with rows
 * shaped so the widget keeps them.
 *
 * The widget's display filter (`src/lib/searchContactPhoneNumbers.js`) keeps a result only if
 * `(firstName + ' ' + lastName + ' ' + name).toLowerCase()` or a raw `phoneNumber` contains
 * the typed string, and then shows only `name`, `phoneNumber`, `phoneType`, `type` and the ids.
 * So a hit by an accent-free spelling ("doe" for "Doë"), a transliteration ("lukasz" for
 * "Łukasz"), a company or an e-mail would be dropped. In this reply only, `firstName` carries
 * the folded text that matched (name, company or e-mail) and `lastName` whatever else the
 * filter needs (the typed string itself when the user typed a form the contact does not hold,
 * e.g. "æ" for a stored "ae", or a formatted number); `name`, what the row shows, is unchanged.
 * Contacts without numbers are left out: the widget drops them, and they would use the cap.
 */
import type { SearchResponse, WidgetContact } from '../../../shared/contact';
import { ok, type Result } from '../../../shared/result';
import { phoneDigits } from '../phone';
import type { SearchRequest } from '../requests';
import { foldText, searchTerm } from '../store/search-text';
import type { ContactStore, StoredContact } from '../store/types';
import { replyBytes, toWidgetContact, widgetKeeps, withinBudget } from './widget-contact';

/** How many index hits (in id order) are ranked before the reply is capped. */
const CANDIDATES = 200;

/**
 * Relevance tiers, best first; `Other`: the index matched text the tiers above do not name
 * (e.g. a number's national digits).
 */
const Tier = { NamePrefix: 0, NameWordPrefix: 1, NameSubstring: 2, Company: 3, Email: 4, Number: 5, Other: 6 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

interface Ranked {
  contact: StoredContact;
  tier: Tier;
  /** The folded text that matched, for the widget's filter. */
  matched: string;
  sortName: string;
}

const startsAWord = (text: string, term: string): boolean => {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || /[\s\-'.,(]/u.test(text[at - 1]!)) return true;
  }
  return false;
};

/** The best tier at which `c` contains the folded `term`, and the folded text it was found in. */
function rank(c: StoredContact, term: string): Ranked {
  const name = foldText(c.displayName);
  const sortName = name;
  if (name.startsWith(term)) return { contact: c, tier: Tier.NamePrefix, matched: name, sortName };
  const names = [name, ...[c.givenName, c.familyName].flatMap((n) => (n ? [foldText(n)] : []))];
  const wordHit = names.find((n) => startsAWord(n, term));
  if (wordHit !== undefined) return { contact: c, tier: Tier.NameWordPrefix, matched: wordHit, sortName };
  const nameHit = names.find((n) => n.includes(term));
  if (nameHit !== undefined) return { contact: c, tier: Tier.NameSubstring, matched: nameHit, sortName };
  const company = c.company ? foldText(c.company) : '';
  if (company.includes(term)) return { contact: c, tier: Tier.Company, matched: company, sortName };
  const email = c.emails.map(foldText).find((e) => e.includes(term));
  if (email !== undefined) return { contact: c, tier: Tier.Email, matched: email, sortName };
  const digits = term.replace('+', '');
  if (/^\d+$/.test(digits) && c.phones.some((p) => (p.e164 ?? '').includes(term) || phoneDigits(p.raw).includes(digits))) {
    return { contact: c, tier: Tier.Number, matched: '', sortName };
  }
  return { contact: c, tier: Tier.Other, matched: '', sortName };
}

const byRelevance = (a: Ranked, b: Ranked): number =>
  a.tier - b.tier || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) || a.contact.id - b.contact.id;

/** The contact as the widget reads a search result: the filter text in firstName/lastName. */
function searchRow(r: Ranked, serviceName: string, typed: string, remotePhotos: boolean): WidgetContact {
  const contact = toWidgetContact(r.contact, serviceName, remotePhotos);
  contact.firstName = r.matched;
  contact.lastName = '';
  if (!widgetKeeps(contact, typed)) contact.lastName = typed.toLowerCase();
  return contact;
}

/** Answers one `/contacts/search`: at most `limit` rows and about `maxBytes` of them. */
export function searchContacts(
  store: ContactStore,
  serviceName: string,
  options: { limit: number; remotePhotos: boolean; maxBytes: number },
  body: SearchRequest,
): Result<SearchResponse> {
  const { limit, remotePhotos, maxBytes } = options;
  // The widget filters with the string as typed (untrimmed), so the rows are checked with it.
  const typed = body.searchString;
  const term = searchTerm(typed);
  if (!term) return ok({ data: [] });
  const candidates = store.contactsByIds(store.searchIds(term, Math.max(CANDIDATES, limit)));
  const ranked = candidates.filter((c) => c.phones.length > 0).map((c) => rank(c, term));
  ranked.sort(byRelevance);
  const rows = ranked.slice(0, limit).map((r) => searchRow(r, serviceName, typed, remotePhotos));
  return ok({ data: withinBudget(rows, replyBytes, maxBytes) });
}
