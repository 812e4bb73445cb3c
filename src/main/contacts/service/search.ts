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
import { phoneDigits } from '../phone';
import { decodeCard } from '../store/card';
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

const WORD_START = /[\s\-'.,(]/u;

const startsAWord = (text: string, term: string): boolean => {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (at === 0 || WORD_START.test(text[at - 1]!)) return true;
  }
  return false;
};

// A plain function, not a closure per candidate: 200 candidates a keystroke.
const rankedAs = (c: SearchCandidate, tier: Tier, matched: string): Ranked => ({ id: c.id, person: c.person, tier, matched, sortName: c.names.name });

/**
 * The tier of a candidate from its stored folded names and company (display name first, then
 * given and family name), or null when none holds the term.
 */
function rankByName(c: SearchCandidate, term: string): Ranked | null {
  const { name, givenName, familyName, company } = c.names;
  if (name.startsWith(term)) return rankedAs(c, Tier.NamePrefix, name);
  if (startsAWord(name, term)) return rankedAs(c, Tier.NameWordPrefix, name);
  if (startsAWord(givenName, term)) return rankedAs(c, Tier.NameWordPrefix, givenName);
  if (startsAWord(familyName, term)) return rankedAs(c, Tier.NameWordPrefix, familyName);
  if (name.includes(term)) return rankedAs(c, Tier.NameSubstring, name);
  if (givenName.includes(term)) return rankedAs(c, Tier.NameSubstring, givenName);
  if (familyName.includes(term)) return rankedAs(c, Tier.NameSubstring, familyName);
  if (company.includes(term)) return rankedAs(c, Tier.Company, company);
  return null;
}

/**
 * The tier of a candidate whose names do not hold the term, from its e-mails, then its numbers
 * (`digits`: the term as digits, null when it is not a number).
 */
function rankByEmailOrNumber(c: SearchCandidate, term: string, digits: string | null): Ranked {
  const { phones, emails } = decodeCard(c.card);
  for (const address of emails) {
    const folded = foldText(address);
    if (folded.includes(term)) return rankedAs(c, Tier.Email, folded);
  }
  if (digits !== null && phones.some((p) => (p.e164 ?? '').includes(term) || phoneDigits(p.raw).includes(digits))) {
    return rankedAs(c, Tier.Number, '');
  }
  return rankedAs(c, Tier.Other, '');
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
  const candidates = store.searchCandidates([...ids], term);
  // A number hit is tested on digits (the index holds E.164 and the digits written).
  const stripped = term.replace('+', '');
  const digits = /^\d+$/.test(stripped) ? stripped : null;
  // The store sends a card only where the names do not hold the term (most name hits need none).
  const ranked = candidates.map((c) => (c.card === null ? rankByName(c, term) : null) ?? rankByEmailOrNumber(c, term, digits));
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
