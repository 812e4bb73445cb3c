import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CHANGED_NUMBERS } from '../../../../src/main/contacts/store';
import { contact, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
});
afterEach(() => book.close());

const source = { path: '/books/big.vcf', format: 'vcard' as const, fingerprint: 'f1' };
/** Distinct valid US numbers: +1 650 2xx xxxx. */
const number = (i: number): string => `+1650${String(2_000_000 + i)}`;
const fill = (count: number, from = 0) => (w: { upsert: (r: ReturnType<typeof contact>) => unknown }) => {
  for (let i = from; i < from + count; i++) w.upsert(contact(`k${i}`, `Person ${i}`, [number(i)]));
};

describe('store/importSource changed numbers', () => {
  it('returns exactly MAX_CHANGED_NUMBERS numbers and the true total when more changed', () => {
    const result = book.store.importSource(source, fill(MAX_CHANGED_NUMBERS + 5));
    expect(result.added).toBe(MAX_CHANGED_NUMBERS + 5);
    expect(result.changedNumbers).toHaveLength(MAX_CHANGED_NUMBERS);
    expect(new Set(result.changedNumbers).size).toBe(MAX_CHANGED_NUMBERS);
    expect(result.changedNumbersTotal).toBe(MAX_CHANGED_NUMBERS + 5);
  });

  it('returns every number, and a total equal to their count, under the cap', () => {
    const result = book.store.importSource(source, fill(3));
    expect(result.changedNumbers.sort()).toEqual([number(0), number(1), number(2)]);
    expect(result.changedNumbersTotal).toBe(3);
  });

  it('starts each import with empty bookkeeping (no numbers or seen ids carried over)', () => {
    book.store.importSource(source, fill(3));
    const again = book.store.importSource(source, fill(3));
    expect(again).toMatchObject({ unchanged: 3, deleted: 0, changedNumbers: [], changedNumbersTotal: 0 });
    // Contacts seen by the previous import must not protect them from this one's tombstoning.
    const shrunk = book.store.importSource(source, fill(1));
    expect(shrunk).toMatchObject({ unchanged: 1, deleted: 2, changedNumbersTotal: 2 });
    expect(shrunk.changedNumbers.sort()).toEqual([number(1), number(2)]);
  });

  it('tombstones only the unseen contacts of the imported source', () => {
    book.store.importSource({ ...source, path: '/books/other.vcf' }, fill(2, 100));
    book.store.importSource(source, fill(2));
    const result = book.store.importSource(source, () => {});
    expect(result).toMatchObject({ deleted: 2, changedNumbersTotal: 2 });
    expect(book.store.countContacts()).toBe(2);
    expect(book.store.phonesMatching([number(100), number(101)], []).length).toBe(2);
    expect(book.store.searchIds('person 0', 10)).toEqual([]);
  });

  it('keeps contacts added by the same import that tombstones others, and notes every number involved', () => {
    book.store.importSource(source, (w) => {
      w.upsert(contact('a', 'Ada Lovelace', [number(1)]));
      w.upsert(contact('b', 'Alan Turing', [number(2)]));
    });
    const result = book.store.importSource(source, (w) => {
      w.upsert(contact('a', 'Ada Lovelace', [number(11)]));
      w.upsert(contact('c', 'Grace Hopper', [number(3)]));
    });
    expect(result).toMatchObject({ added: 1, updated: 1, deleted: 1, changedNumbersTotal: 4 });
    expect(result.changedNumbers.sort()).toEqual([number(1), number(11), number(2), number(3)].sort());
    expect(book.store.countContacts()).toBe(2);
    expect(book.store.phonesMatching([number(3), number(11)], []).length).toBe(2);
  });

  it('brings a tombstoned contact back when a later import holds it again', () => {
    book.store.importSource(source, fill(2));
    book.store.importSource(source, fill(1));
    const back = book.store.importSource(source, fill(2));
    expect(back).toMatchObject({ added: 1, unchanged: 1, deleted: 0, changedNumbers: [number(1)], changedNumbersTotal: 1 });
    expect(book.store.countContacts()).toBe(2);
  });

  it('reports the total for removeSource too', () => {
    const { sourceId } = book.store.importSource(source, fill(4));
    const removed = book.store.removeSource(sourceId);
    expect(removed).toMatchObject({ deleted: 4, changedNumbersTotal: 4 });
    expect(removed?.changedNumbers).toHaveLength(4);
    expect(book.store.countContacts()).toBe(0);
  });
});
