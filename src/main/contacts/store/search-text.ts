/**
 * What the two search indexes hold, and how a query is folded to compare against it. Both
 * sides are folded here (NFD, marks stripped, lower-cased) so "Jose" finds "José" and
 * "ΑΝΝΑ" finds "Άννα" in every script, not just where SQLite's tokenizers fold.
 *
 * Index size drives import speed (FTS5 cost grows with tokens), so each document holds each
 * text once: given/family names only when the display name lacks them, numbers as E.164 plus
 * the file's own digits when those differ (national format). Phone-looking queries are
 * reduced to digits before searching (see `searchTerm`), so punctuation need not be indexed.
 */
import type { ContactRecord } from '../model';
import { phoneDigits } from '../phone';

/**
 * Letters Unicode does not decompose into a base letter plus marks, folded to what people
 * type on a keyboard without them (the common transliterations: Polish ł, German ß, Nordic
 * ø æ å→a via NFKD, Icelandic þ ð, Croatian đ, Turkish ı, Maltese ħ, French œ). Hand-written:
 * no field library folds these for search; the table is the whole rule.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l', ß: 'ss', ẞ: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
  ŋ: 'n', ĸ: 'k', ſ: 's', ς: 'σ',
};
const ASCII = /^[ -~\t\n\r]*$/;
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Lower-cased, accent-free and transliterated, for case- and accent-insensitive substring
 * search; the ONE fold for the index and the query (NFKD also turns ligatures and full-width
 * forms into plain letters). Changing it changes stored index text: rebuild the indexes in a
 * migration (see 0003-search-fold.ts).
 */
export function foldText(text: string): string {
  // Plain ASCII has nothing to decompose or transliterate (the same result, several times
  // faster: search folds every candidate's names).
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c);
}

/** A query as it is compared with the index: folded, and phone-looking input as digits. */
export function searchTerm(query: string): string {
  const trimmed = query.trim();
  // NFKC first: a Japanese or Chinese keyboard types full-width digits and dashes ("６５０－５５５").
  const number = ASCII.test(trimmed) ? trimmed : trimmed.normalize('NFKC');
  if (/\d/.test(number) && /^[\d\s()+\-./]+$/.test(number)) {
    return (number.startsWith('+') ? '+' : '') + phoneDigits(number);
  }
  return foldText(trimmed);
}

/** The folded text fields (names, nickname, phonetic names, company, emails), one per line. */
export function textFields(r: ContactRecord): string {
  const fields = [r.displayName];
  for (const name of [r.givenName, r.familyName]) if (name && !r.displayName.includes(name)) fields.push(name);
  // "Bobby" finds Robert, and "yamada" or "ヤマダ" finds 山田 by the reading the file gave.
  const e = r.extras;
  if (e) for (const name of [e.nickname, e.phoneticGivenName, e.phoneticFamilyName]) if (name) fields.push(name);
  if (r.company) fields.push(r.company);
  fields.push(...r.emails);
  return foldText(fields.join('\n'));
}

/** The digit strings a number is found by: E.164 (with its +) and the file's digits if different. */
function numberFields(r: ContactRecord): string[] {
  const out: string[] = [];
  for (const p of r.phones) {
    const digits = phoneDigits(p.extension ? p.raw.replace(/\D*\d+\s*$/, '') : p.raw);
    if (p.e164) out.push(p.e164);
    if (!p.e164 || !p.e164.includes(digits)) out.push(digits);
  }
  return out;
}

/** The text for the trigram index (every length ≥ 3); `text` is `textFields(r)` if already made. */
export function searchDocument(r: ContactRecord, text = textFields(r)): string {
  return [text, ...numberFields(r)].join('\n');
}

/** One 1- or 2-character substring as a token the unicode61 tokenizer keeps whole. */
export function gramToken(gram: string): string {
  const [a, b] = Array.from(gram, (c) => c.codePointAt(0)!);
  return b === undefined ? `g${a!.toString(16)}` : `g${a!.toString(16)}x${b.toString(16)}`;
}

/** A code point, or a pair of them, as one number: cheaper to collect in a Set than strings. */
const PAIR = 0x110000;

/**
 * Every distinct 1-gram and 2-gram of the text fields (`textFields(r)`), as tokens. Numbers
 * stay out: any one or two digits occur in a large share of all numbers, so those queries
 * are answered by a short scan of the phones table instead (see reader.ts).
 */
export function gramDocument(text: string): string {
  const grams = new Set<number>();
  for (const word of text.split(/\s+/u)) {
    let prev = -1;
    for (const c of word) {
      const cp = c.codePointAt(0)!;
      grams.add(cp);
      if (prev >= 0) grams.add(PAIR + prev * PAIR + cp);
      prev = cp;
    }
  }
  let doc = '';
  for (const g of grams) {
    const token = g < PAIR ? `g${g.toString(16)}` : `g${Math.floor(g / PAIR - 1).toString(16)}x${(g % PAIR).toString(16)}`;
    doc += doc ? ` ${token}` : token;
  }
  return doc;
}

/** The FTS5 query for a folded term: one phrase, so punctuation in it is literal text. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}
