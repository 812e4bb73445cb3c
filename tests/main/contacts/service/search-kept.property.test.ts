/**
 * For random address books and random queries: every contact `/contacts/search` returns
 * survives the widget's display filter for that query, and the contact the query was taken
 * from is among them. Queries are what a user types: a piece of a name, company or nickname
 * without the letters their keyboard lacks (ł as l, ß as ss, þ as th…), with the letters as
 * stored, in any case, or a piece of a number, also in full-width digits or with dashes.
 * Real service, real SQLite file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_EXTRAS, type WidgetContact } from '../../../../src/shared/contact';
import type { ContactRecord } from '../../../../src/main/contacts/model';
import { contact, must, openTestBook, type TestBook } from '../helpers';

/**
 * The widget's filter as widget-protocol.md describes it, written here from that description
 * (not shared with the simulator, so the two can disagree): a row per phone number, kept when
 * `firstName + ' ' + lastName + ' ' + name`, lower-cased, or the raw number contains the
 * lower-cased typed string. Missing names join as the text "undefined", as in JavaScript.
 */
function widgetRows(c: WidgetContact, typed: string): string[] {
  const term = typed.toLowerCase();
  const searched = `${String(c.firstName)} ${String(c.lastName)} ${String(c.name)}`.toLowerCase();
  return c.phoneNumbers
    .filter((p) => searched.includes(term) || p.phoneNumber.includes(term))
    .map((p) => p.phoneNumber);
}

/** A letter as a file holds it, and what a user types for it. */
const LETTERS: ReadonlyArray<readonly [stored: string, typed: string]> = [
  ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => [c, c] as const),
  ['é', 'e'], ['ë', 'e'], ['ü', 'u'], ['ö', 'o'], ['å', 'a'], ['ñ', 'n'], ['ç', 'c'], ['ž', 'z'], ['ő', 'o'], ['ă', 'a'],
  ['ł', 'l'], ['ß', 'ss'], ['ø', 'o'], ['æ', 'ae'], ['œ', 'oe'], ['đ', 'd'], ['ð', 'd'], ['þ', 'th'], ['ı', 'i'],
  ['ħ', 'h'], ['ﬁ', 'fi'],
  // Other scripts are typed as they are (their accents still fold).
  ['ж', 'ж'], ['й', 'й'], ['я', 'я'], ['ё', 'ё'], ['λ', 'λ'], ['ω', 'ω'], ['ά', 'ά'], ['山', '山'], ['ヤ', 'ヤ'],
];

interface Word { stored: string; typed: string }

const word: fc.Arbitrary<Word> = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 7 })
  .chain((letters) => fc.boolean().map((capital) => {
    const stored = letters.map(([s]) => s);
    if (capital) stored[0] = stored[0]!.toUpperCase();
    return { stored: stored.join(''), typed: letters.map(([, t]) => t).join('') };
  }));

const joinWords = (words: readonly Word[]): Word => ({
  stored: words.map((w) => w.stored).join(' '),
  typed: words.map((w) => w.typed).join(' '),
});

interface Person { name: Word; company: Word | null; nickname: Word | null; numbers: string[] }

const person: fc.Arbitrary<Person> = fc.record({
  name: fc.tuple(word, word).map(joinWords),
  company: fc.option(fc.array(word, { minLength: 1, maxLength: 2 }).map(joinWords), { nil: null }),
  nickname: fc.option(word, { nil: null }),
  numbers: fc.constant([] as string[]),
  second: fc.boolean(),
}).map(({ second, ...p }) => ({ ...p, numbers: second ? ['', ''] : [''] }));

/** Unique numbers, so no two random people share one and get linked as one person. */
function withNumbers(people: Person[]): Person[] {
  let n = 0;
  return people.map((p) => ({ ...p, numbers: p.numbers.map(() => `+1650555${String(1000 + n++)}`) }));
}

const record = (p: Person, i: number): ContactRecord => ({
  ...contact(`p${i}`, p.name.stored, p.numbers),
  company: p.company?.stored ?? null,
  emails: [`person${i}@example.com`],
  extras: { ...NO_EXTRAS, nickname: p.nickname?.stored ?? null },
});

type Casing = 'as typed' | 'upper' | 'title';
const cased = (text: string, casing: Casing): string =>
  casing === 'upper' ? text.toUpperCase() : casing === 'title' ? text.replace(/^./u, (c) => c.toUpperCase()) : text;

/** A piece of `text` (by code points) that is not blank. */
const piece = (text: string, start: number, length: number): string => {
  const chars = Array.from(text);
  const from = start % chars.length;
  return chars.slice(from, from + 1 + (length % (chars.length - from))).join('');
};

const FULL_WIDTH = (digits: string): string => digits.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));

interface Query { typed: string; from: number }

function query(people: Person[]): fc.Arbitrary<Query> {
  const target = fc.nat({ max: people.length - 1 });
  const text = fc.record({
    from: target,
    field: fc.constantFrom('name', 'company', 'nickname'),
    form: fc.constantFrom('typed', 'stored'),
    casing: fc.constantFrom<Casing>('as typed', 'upper', 'title'),
    start: fc.nat(),
    length: fc.nat(),
  }).map(({ from, field, form, casing, start, length }) => {
    const p = people[from]!;
    const source = (field === 'company' ? p.company : field === 'nickname' ? p.nickname : null) ?? p.name;
    return { from, typed: cased(piece(source[form === 'typed' ? 'typed' : 'stored'], start, length), casing) };
  });
  const number = fc.record({
    from: target,
    start: fc.nat(),
    length: fc.integer({ min: 2, max: 10 }),
    dashed: fc.boolean(),
    fullWidth: fc.boolean(),
  }).map(({ from, start, length, dashed, fullWidth }) => {
    const digits = people[from]!.numbers[0]!.slice(1);
    const at = start % (digits.length - 2);
    const part = digits.slice(at, at + Math.max(3, length));
    const written = dashed ? part.replace(/(\d{3})(?=\d)/, '$1-') : part;
    return { from, typed: fullWidth ? FULL_WIDTH(written) : written };
  });
  return fc.oneof(text, number).filter((q) => q.typed.trim().length > 0);
}

/** A fresh book holding just these people. */
function bookOf(people: Person[]): TestBook {
  const book = openTestBook();
  book.store.upsertContacts(people.map(record));
  return book;
}

describe('service/search: the widget keeps what we find (property)', () => {
  it('every result survives the display filter, and the person typed for is among them', () => {
    const scenario = fc
      .array(person, { minLength: 1, maxLength: 12 })
      .map(withNumbers)
      .chain((people) => fc.tuple(fc.constant(people), fc.array(query(people), { minLength: 1, maxLength: 6 })));
    fc.assert(
      fc.property(scenario, ([people, queries]) => {
        const book = bookOf(people);
        try {
          for (const { typed, from } of queries) {
          const data = must(book.service.search({ searchString: typed })).data;
          for (const c of data) {
            expect(c.phoneNumbers.every((p) => typeof p.phoneType === 'string'), c.name).toBe(true);
            expect(widgetRows(c, typed), `"${typed}" drops ${c.name}`).not.toEqual([]);
          }
          const expected = people[from]!.name.stored;
          expect(data.map((c) => c.name), `"${typed}" finds ${expected}`).toContain(expected);
          }
        } finally {
          book.close();
        }
      }),
      { numRuns: 50 },
    );
  });
});
