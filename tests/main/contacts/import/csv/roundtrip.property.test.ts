/**
 * Property: CSV export → import is lossless for everything the store holds. Random contacts in
 * the store's own form (names, numbers with and without labels, emails, notes, a photo URL, and
 * every extra field: nickname, phonetic names, organisation units, dates of each kind with and
 * without a year or as text, addresses with types and line breaks, websites, categories), with
 * the characters CSV must quote (`,` `"` newlines), separators (`;`) and non-ASCII text, are
 * written with the CSV writer, imported into a real SQLite file, exported, and imported into a
 * second one: both hold exactly the contacts generated.
 *
 * What Google's layout cannot tell apart is left out of the generator, each with its reason:
 * a number label that is one of the type words (`Work`, `Mobile`: read as the type, no label),
 * a type of `home` / `work` / `other` in another case (read lower-cased), an address with a label
 * and no other part (its `Formatted` cell alone reads as the street), a date label
 * `Birthday` / `Anniversary` (read as that kind), ` ::: ` inside a unit or a category, and a
 * leading `* ` (Google's mark of the primary value).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactDate, ContactDetails, PhoneType, PostalAddress, WritableContact } from '../../../../../src/shared/contact';
import { closeDatabase, openDatabase } from '../../../../../src/main/contacts/db/open';
import { csvHeader, csvRow, NO_WIDTHS, widen } from '../../../../../src/main/contacts/import/csv/writer';
import { exportContacts } from '../../../../../src/main/contacts/import/export';
import { importFile } from '../../../../../src/main/contacts/import/importer';
import { phoneTypeFromLabels } from '../../../../../src/main/contacts/phone';
import { createContactStore } from '../../../../../src/main/contacts/store';
import { must } from '../../helpers';

/** Each run opens two database files, so a twentieth of the fuzz runs (50 in `npm test`). */
const RUNS = Math.max(10, Math.round(Number(process.env.FUZZ_RUNS ?? 1000) / 20));

const CHARS = ['a', 'b', 'Z', '0', ' ', ',', ';', ':', '"', '\'', '-', '.', '*', 'é', 'Ø', 'ß', 'я', '日', 'ロ', '😀'];
const chars = (options: { lines?: boolean; max?: number } = {}) =>
  fc.array(fc.constantFrom(...CHARS, ...(options.lines ? ['\n', '\r\n'] : [])), { minLength: 1, maxLength: options.max ?? 12 }).map((a) => a.join(''));
/** One line as the importer stores it: whitespace runs collapsed, trimmed, not empty. */
const clean = chars().map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0 && !s.includes(' ::: ') && !s.startsWith('* '));
/** Text that keeps line breaks (notes, streets): lines trimmed, LF, not empty. */
const lines = chars({ lines: true, max: 30 })
  .map((s) => s.split(/\r\n?|\n/).map((l) => l.replace(/\s+/g, ' ').trim()).join('\n').trim())
  .filter((s) => s.length > 0);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const notAWord = (words: string[]) => (s: string) => !words.includes(s.toLowerCase());
/** A type: the store's own words, or a label of the file's. */
const kind = maybe(fc.oneof(fc.constantFrom('home', 'work', 'other', 'profile', 'Sommarstuga'), clean.filter(notAWord(['home', 'work', 'other']))));

const two = (n: number) => String(n).padStart(2, '0');
const date: fc.Arbitrary<ContactDate> = fc
  .record({
    kind: fc.constantFrom<ContactDate['kind']>('birthday', 'anniversary', 'other'),
    label: maybe(clean.filter(notAWord(['birthday', 'anniversary']))),
    form: fc.constantFrom('full', 'yearless', 'text'),
    year: fc.integer({ min: 1900, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    text: clean.filter((s) => /\p{L}/u.test(s) && !/^\d/.test(s) && !s.startsWith('--')),
  })
  .map(({ kind: k, label, form, year, month, day, text }) => ({
    kind: k,
    label: k === 'other' ? label : null,
    value: form === 'full' ? `${year}-${two(month)}-${two(day)}` : form === 'yearless' ? `--${two(month)}-${two(day)}` : text,
  }));

const part = fc.oneof(fc.constant(''), clean);
const address: fc.Arbitrary<PostalAddress> = fc
  .record({ type: kind, poBox: part, extended: part, street: fc.oneof(fc.constant(''), lines), locality: part, region: part, postalCode: part, country: part, label: maybe(lines) })
  .filter((a) => [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country].some(Boolean))
  // The store keeps no label key on an address without one.
  .map(({ label, ...a }) => (label === null ? a : { ...a, label }));

/** Types an importer gives a number without a label (never `unknown` or `contact`). */
const UNLABELLED: PhoneType[] = ['business', 'home', 'mobile', 'fax', 'company', 'direct', 'extension', 'other', 'phone'];
const TYPE_WORDS = ['work', 'extension', 'home', 'mobile', 'other', 'main', 'direct', 'work fax', 'home fax', 'fax', 'pager'];
const unique = <T>(items: T[], key: (t: T) => string): T[] => [...new Map(items.map((t) => [key(t), t])).values()];

const person = (i: number): fc.Arbitrary<WritableContact> =>
  fc
    .record({
      displayName: clean,
      givenName: maybe(clean),
      familyName: maybe(clean),
      company: maybe(clean),
      jobTitle: maybe(clean),
      notes: maybe(lines),
      avatar: fc.constantFrom(null, 'https://example.com/photo.jpg'),
      phones: fc.array(fc.record({ n: fc.integer({ min: 100, max: 999 }), type: fc.constantFrom(...UNLABELLED), label: maybe(clean.filter(notAWord(TYPE_WORDS))) }), { maxLength: 3 }),
      emails: fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 3 }),
      nickname: maybe(clean),
      phoneticGivenName: maybe(clean),
      phoneticFamilyName: maybe(clean),
      organizationUnits: fc.array(clean, { maxLength: 3 }),
      dates: fc.array(date, { maxLength: 4 }),
      addresses: fc.array(address, { maxLength: 3 }),
      urls: fc.array(fc.record({ type: kind, path: clean }), { maxLength: 3 }),
      categories: fc.array(clean, { maxLength: 4 }),
    })
    .map((c) => ({
      ...c,
      id: `c${i}`,
      source: null,
      displayName: `${c.displayName} ${i}`,
      // A labelled number's type is what its label says (phone.ts), as on every import.
      phones: unique(c.phones, (p) => String(p.n)).map((p) => ({
        raw: `+1 650 555 0${p.n}`, e164: `+165055510${p.n}`, extension: null,
        type: p.label === null ? p.type : phoneTypeFromLabels([], p.label), label: p.label,
      })),
      emails: unique(c.emails, String).map((n) => `p${i}.${n}@example.com`),
      dates: unique(c.dates, (d) => JSON.stringify(d)),
      urls: unique(c.urls.map((u) => ({ type: u.type, url: `https://example.com/${encodeURI(u.path)}` })), (u) => u.url),
      categories: unique(c.categories, (s) => s),
    }));

/** What the store gives back, without what it makes up itself (ids, where it came from, E.164). */
const stored = (c: ContactDetails | WritableContact) => {
  const { id: _id, source: _source, ...rest } = c as ContactDetails;
  return { ...rest, phones: rest.phones.map(({ e164: _e, extension: _x, ...p }) => p) };
};
const sorted = <T extends { displayName: string }>(cs: T[]): T[] => [...cs].sort((a, b) => (a.displayName < b.displayName ? -1 : 1));

describe('CSV export → import (property)', () => {
  it('keeps every stored field of every contact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-roundtrip-'));
    let run = 0;
    try {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => person(i)))), (people) => {
          run++;
          const file = join(dir, `in-${run}.csv`);
          const w = people.reduce(widen, NO_WIDTHS);
          writeFileSync(file, csvHeader(w) + people.map((p) => csvRow(p, w)).join(''));
          const first = openDatabase(join(dir, `first-${run}.sqlite3`));
          const second = openDatabase(join(dir, `second-${run}.sqlite3`));
          try {
            const a = createContactStore({ db: first });
            expect(must(importFile(a, file, { region: 'US' }))).toMatchObject({ skipped: [], trimmed: [], ignoredColumns: [], notices: [] });
            const want = sorted(people.map(stored));
            expect(sorted([...a.allDetails()].map(stored))).toEqual(want);
            const out = join(dir, `out-${run}.csv`);
            must(exportContacts(a, 'csv', out));
            const b = createContactStore({ db: second });
            expect(must(importFile(b, out, { region: 'US' }))).toMatchObject({ skipped: [], trimmed: [], ignoredColumns: [] });
            expect(sorted([...b.allDetails()].map(stored))).toEqual(want);
          } finally {
            closeDatabase(first);
            closeDatabase(second);
          }
        }),
        { numRuns: RUNS },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
