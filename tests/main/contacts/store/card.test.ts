/**
 * `contacts.card` is what every read returns as a contact's numbers and e-mails, while match,
 * search and linking use the `phones` and `emails` tables: after every kind of write the two
 * must say the same, or caller ID would find a contact by a number its card no longer shows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_SQL } from '../../../../src/main/contacts/store/card';
import { contact, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => (book = openTestBook()));
afterEach(() => book.close());

/** Live contacts whose card differs from their phones and emails rows, and tombstones with a card. */
const disagreeing = (): unknown[] =>
  book.db
    .prepare(`SELECT id, source_key, deleted, card, ${CARD_SQL} AS fromTables FROM contacts
      WHERE (deleted = 0 AND card IS NOT fromTables) OR (deleted = 1 AND card IS NOT NULL)`)
    .all();

const PATH = '/home/a/phone.vcf';

describe('contacts.card', () => {
  it('says what the phones and emails tables say after imports, edits, deletions and a source removal', () => {
    const fill = (records: ReturnType<typeof contact>[]) =>
      book.store.importSource({ path: PATH, format: 'vcard', fingerprint: String(records.length) }, (w) => records.forEach((r) => w.upsert(r)));
    fill([
      contact('a', 'Ann Berg', ['+1 202 555 0101', '+1 202 555 0102'], { emails: ['ann@example.org', 'ann@work.example'] }),
      contact('b', 'Bo Li', ['+1 202 555 0103']),
      contact('c', 'Cy Ode', [], { emails: ['cy@example.org'] }),
    ]);
    expect(book.db.prepare('SELECT count(*) FROM contacts WHERE card IS NULL').pluck().get()).toBe(0);
    expect(disagreeing()).toEqual([]);

    // A re-import that reorders and drops numbers, changes an e-mail and leaves a contact out.
    fill([
      contact('a', 'Ann Berg', ['+1 202 555 0102'], { emails: ['ann@new.example'] }),
      contact('c', 'Cy Ode', ['+1 202 555 0104'], { emails: ['cy@example.org'] }),
    ]);
    expect(disagreeing()).toEqual([]);
    expect(book.db.prepare("SELECT deleted, card FROM contacts WHERE source_key = 'b'").get()).toEqual({ deleted: 1, card: null });
    expect(book.store.getDetails(String(book.db.prepare("SELECT id FROM contacts WHERE source_key = 'a'").pluck().get()))).toMatchObject({
      phones: [{ raw: '+1 202 555 0102', e164: '+12025550102' }],
      emails: ['ann@new.example'],
    });

    // Edits through the store's own helpers, then the source goes.
    book.store.upsertContacts([contact('d', 'Di Fox', ['+1 202 555 0105'])], PATH);
    book.store.deleteContacts(['c'], PATH);
    expect(disagreeing()).toEqual([]);
    book.store.removeSource(book.db.prepare('SELECT id FROM sources').pluck().get() as number);
    expect(disagreeing()).toEqual([]);
    expect(book.db.prepare('SELECT count(*) FROM contacts WHERE card IS NOT NULL').pluck().get()).toBe(0);
  });

  it('gives a contact that comes back after deletion its numbers again', () => {
    const importOnly = (records: ReturnType<typeof contact>[]) =>
      book.store.importSource({ path: PATH, format: 'vcard', fingerprint: String(records.length) }, (w) => records.forEach((r) => w.upsert(r)));
    importOnly([contact('a', 'Ann Berg', ['+1 202 555 0101']), contact('b', 'Bo Li', ['+1 202 555 0103'])]);
    importOnly([contact('a', 'Ann Berg', ['+1 202 555 0101'])]);
    importOnly([contact('a', 'Ann Berg', ['+1 202 555 0101']), contact('b', 'Bo Li', ['+1 202 555 0109'])]);
    expect(disagreeing()).toEqual([]);
    const match = book.service.match({ phoneNumbers: ['+12025550109'] });
    expect(match.ok && match.value.data['+12025550109']?.map((c) => [c.name, c.phoneNumbers.map((p) => p.phoneNumber)])).toEqual([
      ['Bo Li', ['+12025550109']],
    ]);
  });
});
