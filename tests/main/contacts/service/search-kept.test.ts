/**
 * What the widget SHOWS for a search: every contact our search returns must survive the
 * widget's own display filter (tests/simulator/display-filter.ts mirrors
 * `searchContactPhoneNumbers.js`), with the most relevant rows first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../src/shared/contact';
import { searchContactPhoneNumbers } from '../../../simulator/display-filter';
import type { SimContact } from '../../../simulator/types';
import { contact, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
  book.store.upsertContacts([
    contact('doe', 'John Doë', ['+16505550101']),
    contact('zoe', 'Zoë Åström', ['+46701234567']),
    contact('lukasz', 'Łukasz Żółć', ['+48601234567']),
    contact('ibm1', 'Ada Worker', ['+16505550102'], { company: 'IBM' }),
    contact('ibm2', 'Bob Builder', ['+16505550103'], { company: 'IBM Research' }),
    contact('strasse', 'Hans Straße', ['+4930123456']),
    contact('aeble', 'Aeble Ørsted', ['+4512345678']),
    contact('mail', 'Carl Mailer', ['+16505550104'], { emails: ['doe.fan@example.com'] }),
    contact('nophone', 'Jane Doe', []),
    contact('doering', 'Doering Company', ['+16505550105']),
    contact('adoe', 'Adoeline Test', ['+16505550106']),
    contact('doeco', 'Erik Worker', ['+16505550107'], { company: 'Kadoe & Partners' }),
  ]);
});
afterEach(() => book.close());

const search = (searchString: string): SearchResponse => {
  const r = book.service.search({ searchString });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** The names of the rows the widget displays for `typed` (one row per number). */
const shown = (typed: string): string[] =>
  searchContactPhoneNumbers(search(typed).data as SimContact[], typed, 'AddressBook').map((row) => row.name);

describe('service/search: rows the widget keeps', () => {
  it.each([
    ['doe', 'John Doë'],
    ['zoe', 'Zoë Åström'],
    ['astrom', 'Zoë Åström'],
    ['lukasz', 'Łukasz Żółć'],
    ['zolc', 'Łukasz Żółć'],
    ['strasse', 'Hans Straße'],
    ['orsted', 'Aeble Ørsted'],
    ['æble', 'Aeble Ørsted'],
    ['Doë', 'John Doë'],
  ])('"%s" finds and the widget keeps %s', (typed, name) => {
    expect(search(typed).data.map((c) => c.name)).toContain(name);
    expect(shown(typed)).toContain(name);
  });

  it('"IBM" shows the people at IBM, by company', () => {
    expect(shown('IBM')).toEqual(['Ada Worker', 'Bob Builder']);
  });

  it('every result survives the filter, whatever matched (e-mail, formatted number)', () => {
    for (const typed of ['doe', 'example', '650-555-01', '+1650555', '6505550', 'ibm r']) {
      const data = search(typed).data;
      expect(data.length).toBeGreaterThan(0);
      expect(shown(typed)).toHaveLength(data.reduce((n, c) => n + c.phoneNumbers.length, 0));
    }
  });

  it('ranks a name prefix before a word prefix, before a substring, before company and e-mail hits', () => {
    expect(search('doe').data.map((c) => c.name)).toEqual(['Doering Company', 'John Doë', 'Adoeline Test', 'Erik Worker', 'Carl Mailer']);
    expect(shown('doe')).toEqual(['Doering Company', 'John Doë', 'Adoeline Test', 'Erik Worker', 'Carl Mailer']);
  });

  it('leaves the name the row shows as it is, and leaves out contacts without numbers', () => {
    const [row] = search('lukasz').data;
    expect(row).toMatchObject({ name: 'Łukasz Żółć', firstName: 'lukasz zolc' });
    expect(search('jane').data).toEqual([]);
  });
});
