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
 * One row per person (store/links.ts): linked contacts answer as their person, at the rank of
 * the best of them, with the person's numbers.
 */
import type { SearchResponse, WidgetContact } from '../../../shared/contact';
import { ok, type Result } from '../../../shared/result';
import type { SearchRequest } from '../requests';
import { foldText, searchTerm } from '../store/search-text';
import type { ContactStore, SearchCandidate, StoredContact } from '../store/types';
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
  id: number;
  /** The person the candidate belongs to: one row per person, at its best candidate's rank. */
  person: number;
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

/**
 * The tier of a candidate from its stored folded names and company, or null when neither holds
 * the term (its e-mails and numbers then decide). Ranking reads only these light rows: reading
 * 200 candidates in full and folding their names was most of a search's time.
 */
function rankByName(c: SearchCandidate, term: string): Ranked | null {
  const { name, givenName, familyName, company } = c.names;
  const ranked = (tier: Tier, matched: string): Ranked => ({ id: c.id, person: c.person, tier, matched, sortName: name });
  if (name.startsWith(term)) return ranked(Tier.NamePrefix, name);
  const names = [name];
  for (const n of [givenName, familyName]) if (n) names.push(n);
  const wordHit = names.find((n) => startsAWord(n, term));
  if (wordHit !== undefined) return ranked(Tier.NameWordPrefix, wordHit);
  const nameHit = names.find((n) => n.includes(term));
  if (nameHit !== undefined) return ranked(Tier.NameSubstring, nameHit);
  if (company.includes(term)) return ranked(Tier.Company, company);
  return null;
}

/** Ranks the candidates names left undecided by their e-mails, then their numbers. */
function rankByEmailOrNumber(store: ContactStore, undecided: readonly SearchCandidate[], term: string): Ranked[] {
  if (undecided.length === 0) return [];
  const ids = undecided.map((c) => c.id);
  const emailHit = new Map<number, string>();
  for (const [id, address] of store.emailsOf(ids)) {
    if (emailHit.has(id)) continue;
    const folded = foldText(address);
    if (folded.includes(term)) emailHit.set(id, folded);
  }
  const numberHit = new Set<number>();
  const digits = term.replace('+', '');
  if (/^\d+$/.test(digits)) {
    const rest = ids.filter((id) => !emailHit.has(id));
    for (const [id, e164, written] of rest.length ? store.numbersOf(rest) : []) {
      if ((e164 ?? '').includes(term) || written.includes(digits)) numberHit.add(id);
    }
  }
  return undecided.map((c) => {
    const sortName = c.names.name;
    const email = emailHit.get(c.id);
    if (email !== undefined) return { id: c.id, person: c.person, tier: Tier.Email, matched: email, sortName };
    return { id: c.id, person: c.person, tier: numberHit.has(c.id) ? Tier.Number : Tier.Other, matched: '', sortName };
  });
}

const byRelevance = (a: Ranked, b: Ranked): number =>
  a.tier - b.tier || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0) || a.id - b.id;

/** The contact as the widget reads a search result: the filter text in firstName/lastName. */
function searchRow(c: StoredContact, matched: string, serviceName: string, typed: string, remotePhotos: boolean): WidgetContact {
  const contact = toWidgetContact(c, serviceName, remotePhotos);
  contact.firstName = matched;
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
  // The index hits are the first CANDIDATES by id: in a large book they can all be substring
  // hits, so the names that begin with the term are read from their own index too.
  const ids = new Set(store.namePrefixIds(term, limit));
  for (const id of store.searchIds(term, Math.max(CANDIDATES, limit))) ids.add(id);
  const candidates = store.searchCandidates([...ids]);
  const ranked: Ranked[] = [];
  const undecided: SearchCandidate[] = [];
  for (const c of candidates) {
    const r = rankByName(c, term);
    if (r) ranked.push(r);
    else undecided.push(c);
  }
  ranked.push(...rankByEmailOrNumber(store, undecided, term));
  ranked.sort(byRelevance);
  // One row per person, at its best candidate's rank (the first, best first).
  const matched = new Map<number, string>();
  for (const r of ranked) if (!matched.has(r.person)) matched.set(r.person, r.matched);
  const people = [...matched.keys()];
  // People are read a page at a time until the page is full: those without numbers (the
  // widget drops them) are left out once read, since their contacts cannot tell it alone.
  const rows: WidgetContact[] = [];
  for (let at = 0; at < people.length && rows.length < limit; at += limit) {
    for (const c of store.contactsByIds(people.slice(at, at + limit))) {
      if (c.phones.length > 0 && rows.length < limit) rows.push(searchRow(c, matched.get(c.id)!, serviceName, typed, remotePhotos));
    }
  }
  return ok({ data: withinBudget(rows, replyBytes, maxBytes) });
}
