/**
 * CSV cases beyond column names, imported into a real SQLite store: several values in one cell,
 * duplicate header names, vCards pasted into a CSV, and columns no rule maps (listed in the
 * report, and imported when their cells plainly are numbers or emails).
 */
import { describe, expect, it } from 'vitest';
import { load as loadInto, useStore } from './store-loader';

const { store } = useStore();
const load = (file: string) => loadInto(store(), file);

describe('CSV cells, headers and mixed files', () => {
  it('splits cells holding several emails or numbers, and only those', () => {
    const { contacts } = load('cases/multi-value.csv');
    const [multi, breaks, dial] = contacts;
    expect(multi?.emails).toEqual(['a@x.de', 'b@x.de', 'c@x.de']);
    expect(multi?.phones.map((p) => p.raw)).toEqual(['+49 30 1234567', '+49 30 7654321', '+49 171 1111111', '+49 171 2222222']);
    expect(multi?.notes).toBe('kept, as one note');
    expect(breaks?.emails).toEqual(['one@x.de', 'two@x.de']);
    expect(breaks?.phones.map((p) => p.raw)).toEqual(['+49 89 1234567', '+49 89 7654321']);
    // Commas that are pauses of a dial string do not separate numbers.
    expect(dial?.phones.map((p) => p.raw)).toEqual(['+49 30 1234567,,123']);
  });

  it('reads a duplicate Nom by the columns around it: full name first, family name beside the given names', () => {
    const { contacts } = load('cases/duplicate-headers.csv');
    expect(contacts.map((c) => [c.displayName, c.givenName, c.familyName])).toEqual([
      ['Jean-Luc Picard', 'Jean-Luc', 'Picard'],
      ['Beverly Crusher', 'Beverly', 'Crusher'],
    ]);
  });

  it('reads vCards pasted between CSV rows as contacts and says the file mixes the two', () => {
    const { contacts, report } = load('cases/mixed-vcard.csv');
    expect(report.format).toBe('csv');
    expect(contacts.map((c) => [c.displayName, c.phones.map((p) => p.raw), c.emails])).toEqual([
      ['Row Before', ['+1 212 555 0101'], ['before@example.com']],
      ['Pasted Card', ['+1 212 555 0199'], ['pasted@example.com']],
      ['Row After', ['+1 212 555 0102'], ['after@example.com']],
    ]);
    expect(report.skipped).toEqual([]);
    expect(report.notices).toEqual(['the CSV file also holds 1 vCard between its rows (first at line 3); they were read as vCards']);
  });

  it('names the properties of a pasted vCard that no field keeps, as for a vCard file', () => {
    const { report } = load('cases/mixed-vcard-unkept.csv');
    expect(report.notices).toEqual([
      'vCard properties not kept (no field holds them): IMPP (1 contact)',
      'the CSV file also holds 1 vCard between its rows (first at line 3); they were read as vCards',
    ]);
  });

  it('says when a vCard file holds lines outside its cards, which the vCard reader passes over', () => {
    const { contacts, report } = load('cases/vcard-with-rows.vcf');
    expect(report.format).toBe('vcard');
    expect(contacts.map((c) => c.displayName)).toEqual(['Card One', 'Card Two']);
    expect(report.notices).toEqual(['the vCard file also holds 2 lines outside any vCard (first at line 6); they were not read']);
  });

  it('names a column whose cells hold vCard text', () => {
    const { contacts, report } = load('cases/vcard-in-cell.csv');
    expect(contacts.map((c) => c.displayName)).toEqual(['Cell Card']);
    expect(report.notices).toEqual(['cells of vCard hold vCard text (first at line 2); it was not read as contacts']);
    expect(report.ignoredColumns).toEqual(['vCard']);
  });

  it('lists unmapped columns, and imports the ones whose cells are plainly numbers or emails', () => {
    const { contacts, report } = load('cases/ignored-columns.csv');
    expect(report.ignoredColumns).toEqual(['Shoe Size', 'Custom 7', "1 cell beyond the header's last column"]);
    expect(report.columnsReadByContent).toEqual([
      { column: 'Assistant Line', numbers: 2, emails: 0 },
      { column: 'Backup Address', numbers: 0, emails: 1 },
    ]);
    const [first, second] = contacts;
    expect(first?.phones.map((p) => [p.raw, p.type, p.label])).toEqual([['+1 212 555 0101', 'phone', 'Phone'], ['+1 212 555 0150', 'other', 'Assistant Line']]);
    expect(first?.emails).toEqual(['backup@example.com']);
    // 12345 in Custom 7 is too short to be a number: it stays out, and the column is listed.
    expect(second?.phones.map((p) => p.raw)).toEqual(['+1 212 555 0102', '(212) 555-0151']);
  });

  it('says nothing about columns of a vCard file', () => {
    const { report } = load('../vcard/v30-types-and-escapes.vcf');
    expect([report.ignoredColumns, report.columnsReadByContent, report.notices]).toEqual([[], [], []]);
  });
});
