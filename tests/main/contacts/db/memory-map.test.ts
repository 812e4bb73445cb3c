/**
 * Reads go through a memory map of the address book (db/open.ts MEMORY_MAP_BYTES); bulk writes
 * turn it off, so a large import does not hold the whole file resident in the app's memory.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMORY_MAP_BYTES, openDatabase, withoutMemoryMap } from '../../../../src/main/contacts/db/open';
import { contact, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => (book = openTestBook()));
afterEach(() => book.close());

const mapSize = (): number => book.db.pragma('mmap_size', { simple: true }) as number;
const source = { path: '/home/a/phone.vcf', format: 'vcard' as const, fingerprint: 'f' };

describe('memory-mapped reads', () => {
  it('are on for a read-write and a read-only open', () => {
    expect(mapSize()).toBe(MEMORY_MAP_BYTES);
    const readonly = openDatabase(book.path, { readonly: true });
    try {
      expect(readonly.pragma('mmap_size', { simple: true })).toBe(MEMORY_MAP_BYTES);
    } finally {
      readonly.close();
    }
  });

  it('are off while an import or a source removal writes, and on again after, even when the import fails', () => {
    const during: number[] = [];
    book.store.importSource(source, (w) => {
      during.push(mapSize());
      w.upsert(contact('a', 'Ann Berg', ['+1 202 555 0101']));
    });
    expect(() =>
      book.store.importSource({ ...source, fingerprint: 'g' }, () => {
        during.push(mapSize());
        throw new Error('damaged file');
      }),
    ).toThrow('damaged file');
    expect(during).toEqual([0, 0]);
    expect(mapSize()).toBe(MEMORY_MAP_BYTES);
    withoutMemoryMap(book.db, () => {
      // Nested: the inner call leaves the map to the outer one.
      withoutMemoryMap(book.db, () => during.push(mapSize()));
      during.push(mapSize());
    });
    expect(during).toEqual([0, 0, 0, 0]);
    book.store.removeSource(book.db.prepare('SELECT id FROM sources').pluck().get() as number);
    expect(mapSize()).toBe(MEMORY_MAP_BYTES);
    expect(book.service.match({ phoneNumbers: ['+12025550101'] })).toEqual({ ok: true, value: { data: {} } });
  });
});
