/**
 * An unlink decision names its sources by path (migration 0008): real files on disk, imported
 * with the real importer into a real SQLite file, keep the user's "not the same person" when a
 * file is removed and added again (it gets a new source id) and when a moved file is located.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => (book = openTestBook()));
afterEach(() => book.close());

const card = (uid: string, name: string, extra: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\n${extra}END:VCARD\r\n`;

function load(name: string): string {
  const report = importFile(book.store, join(book.dir, name), { region: 'SE' });
  if (!report.ok) throw new Error(report.error.message);
  return join(book.dir, name);
}
const idOf = (name: string) => [...book.store.allDetails()].find((c) => c.displayName === name)!.id;
const names = () => [...book.store.allDetails()].map((c) => book.store.getPerson(c.id)!.displayName);
/** How many people the widget sees: one per person, however many files hold them. */
const people = () => new Set([...book.store.allDetails()].map((c) => book.store.getPerson(c.id)!.id)).size;

beforeEach(() => {
  writeFileSync(join(book.dir, 'phone.vcf'), card('zoe-1', 'Zoë Åström', 'TEL;TYPE=CELL:+46 70 123 45 67\r\n'));
  writeFileSync(join(book.dir, 'google.vcf'), card('zoe-2', 'Zoe Astrom', 'TEL:+46701234567\r\n'));
  load('phone.vcf');
  load('google.vcf');
  expect(people()).toBe(1);
  expect(book.store.unlink(Number(idOf('Zoe Astrom')))).not.toBeNull();
  expect(people()).toBe(2);
});

describe('store: unlink decisions by source path', () => {
  it('keeps a pair apart when one of the files is removed and imported again', () => {
    const google = book.store.getSource(join(book.dir, 'google.vcf'))!;
    book.store.removeSource(google.id);
    expect(names()).toEqual(['Zoë Åström']);
    load('google.vcf');
    expect(book.store.getSource(join(book.dir, 'google.vcf'))!.id).not.toBe(google.id);
    expect(people()).toBe(2);
    // The returned contact's window offers to link it again, and that works.
    const again = idOf('Zoe Astrom');
    expect(book.store.getPerson(again)!.apart.map((p) => p.displayName)).toEqual(['Zoë Åström']);
    expect(book.store.link(Number(again))).not.toBeNull();
    expect(people()).toBe(1);
  });

  it('keeps a pair apart when both files are removed and imported again', () => {
    for (const source of book.store.listSources()) book.store.removeSource(source.id);
    load('google.vcf');
    load('phone.vcf');
    expect(people()).toBe(2);
  });

  it('follows moved files to the paths they are located at', () => {
    // Both files, so the decision's either side (its row holds the smaller path first) moves.
    for (const name of ['phone.vcf', 'google.vcf']) {
      const from = join(book.dir, name);
      const to = join(book.dir, `moved-${name}`);
      renameSync(from, to);
      expect(book.store.repathSource(book.store.getSource(from)!.id, to)).toBe('ok');
      load(`moved-${name}`);
      expect(people()).toBe(2);
    }
    const phone = book.store.getSource(join(book.dir, 'moved-phone.vcf'))!;
    // And a file removed and re-added under the moved path still finds it.
    book.store.removeSource(phone.id);
    load('moved-phone.vcf');
    expect(people()).toBe(2);
    expect(book.store.link(Number(idOf('Zoe Astrom')))).not.toBeNull();
    expect(people()).toBe(1);
  });
});
