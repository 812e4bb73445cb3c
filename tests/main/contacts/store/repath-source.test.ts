import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { syncSources } from '../../../../src/main/contacts/import/sync';
import { openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
});
afterEach(() => book.close());

const card = (uid: string, name: string, tel: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nTEL:${tel}\r\nEND:VCARD\r\n`;

describe('store/repathSource (a moved file: "locate…")', () => {
  it('points the source at the new path, keeps its contacts and ids, and the next sync reads the file there', () => {
    const old = join(book.dir, 'old.vcf');
    writeFileSync(old, card('a', 'Ada Lovelace', '+15551230001') + card('b', 'Bob', '+15551230002'));
    expect(importFile(book.store, old).ok).toBe(true);
    const source = book.store.getSource(old)!;
    const idsBefore = [...book.store.allDetails()].map((c) => c.id).sort();
    const moved = join(book.dir, 'moved.vcf');
    renameSync(old, moved);
    expect(syncSources(book.store)).toMatchObject({ ok: true, value: { missing: [old] } });

    expect(book.store.repathSource(source.id, moved)).toBe('ok');
    expect(book.store.getSource(old)).toBeNull();
    expect(book.store.getSourceById(source.id)).toMatchObject({ path: moved, contactCount: 2 });
    writeFileSync(moved, card('a', 'Ada King', '+15551230001') + card('b', 'Bob', '+15551230002'));
    const synced = syncSources(book.store);
    expect(synced).toMatchObject({ ok: true, value: { missing: [], reports: [{ path: moved }] } });
    expect([...book.store.allDetails()].map((c) => c.id).sort()).toEqual(idsBefore);
    expect([...book.store.allDetails()].map((c) => c.displayName).sort()).toEqual(['Ada King', 'Bob']);
  });

  it('refuses a path another source has, and an unknown source', () => {
    const a = join(book.dir, 'a.vcf');
    const b = join(book.dir, 'b.vcf');
    writeFileSync(a, card('a', 'Ada', '+15551230001'));
    writeFileSync(b, card('b', 'Bob', '+15551230002'));
    importFile(book.store, a);
    importFile(book.store, b);
    const sourceA = book.store.getSource(a)!;
    expect(book.store.repathSource(sourceA.id, b)).toBe('taken');
    expect(book.store.getSourceById(sourceA.id)!.path).toBe(a);
    expect(book.store.repathSource(9999, join(book.dir, 'c.vcf'))).toBe('not-found');
  });
});
