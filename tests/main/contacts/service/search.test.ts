import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../src/shared/contact';
import { createContactService } from '../../../../src/main/contacts/service';
import { contact, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
  book.store.upsertContacts([
    contact('jose', 'José Müller', ['+1 650-555-0123'], { company: 'Globex', emails: ['jm@zebra.example'] }),
    contact('anna', 'Άννα Παπαδοπούλου', ['+30 21 0123 4567']),
    contact('nophone', 'Josephine Nophone', []),
    contact('mail', 'Mail Only', ['+1 212 555 0100'], { emails: ['jose.other@example.com'] }),
    contact('unparsed', 'Odd Number', ['ACME-4477']),
  ]);
});
afterEach(() => book.close());

const search = (searchString: string, service = book.service): SearchResponse => {
  const r = service.search({ searchString });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const names = (r: SearchResponse) => r.data.map((c) => c.name);

describe('service/search', () => {
  it('finds names case- and accent-insensitively', () => {
    expect(names(search('JOSE'))).toContain('José Müller');
    expect(names(search('muller'))).toContain('José Müller');
    expect(names(search('αννα'))).toEqual(['Άννα Παπαδοπούλου']);
  });

  it('finds by company, email and phone digits', () => {
    expect(names(search('globex'))).toEqual(['José Müller']);
    expect(names(search('zebra'))).toEqual(['José Müller']);
    expect(names(search('6505550'))).toEqual(['José Müller']);
    expect(names(search('650-555-01'))).toEqual(['José Müller']);
    expect(names(search('+1650'))).toEqual(['José Müller']);
    expect(names(search('６５０－５５５－０１'))).toEqual(['José Müller']); // full-width, as a Japanese keyboard types it
  });

  it('finds unparseable numbers by their digits', () => {
    expect(names(search('4477'))).toEqual(['Odd Number']);
  });

  it('answers 1- and 2-character queries', () => {
    expect(names(search('ü'))).toContain('José Müller');
    expect(names(search('Άν'))).toEqual(['Άννα Παπαδοπούλου']);
    expect(names(search('65'))).toContain('José Müller');
  });

  it('gives every number a string phoneType and every contact the service type', () => {
    for (const c of search('o').data) {
      expect(c.type).toBe('AddressBook');
      expect(typeof c.id).toBe('string');
      for (const p of c.phoneNumbers) expect(typeof p.phoneType).toBe('string');
    }
  });

  it('caps the number of results', () => {
    book.store.upsertContacts(Array.from({ length: 30 }, (_, i) => contact(`p${i}`, `Pat ${i}`, ['+16505550199'])));
    const capped = createContactService({ store: book.store, serviceName: 'AddressBook', searchLimit: 10 });
    expect(search('pat', capped).data).toHaveLength(10);
  });

  it('shows a name that begins with the text first, however many older contacts hold it inside theirs', () => {
    book.store.upsertContacts(Array.from({ length: 250 }, (_, i) => contact(`j${i}`, `Joanne Person${i}`, [`+1650555${String(1000 + i)}`])));
    book.store.upsertContacts([contact('ann', 'Ånn Smith', ['+16505559999'])]);
    const found = names(search('ann'));
    expect(found[0]).toBe('Ånn Smith');
    expect(found).toHaveLength(50);
  });

  it('answers an empty or blank query with no results', () => {
    expect(search('   ').data).toEqual([]);
  });

  it.each([[{}], [{ searchString: 5 }], [null], ['text'], [{ searchString: 'x'.repeat(1000) }]])(
    'refuses a malformed body %j as bad-request',
    (body) => {
      const r = book.service.search(body);
      expect(r.ok ? 'ok' : r.error.code).toBe('bad-request');
    },
  );

  it('treats FTS syntax in the query as plain text', () => {
    expect(() => search('"OR" AND NOT *')).not.toThrow();
    expect(search('" OR 1=1 --').data).toEqual([]);
  });
});
