/**
 * One contact per person, end to end on a real SQLite file: contacts from different sources
 * with the same name and a shared number or e-mail reach the widget as one contact with the
 * union of their values (list, incremental sync, search, match), a number shared by two
 * different people still answers both, and an unlink survives re-imports.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactsPageResponse, WidgetContact } from '../../../../src/shared/contact';
import { contact, idOf, must, openTestBook, type TestBook } from '../helpers';
import { fileImporter, GOOGLE, OUTLOOK, PHONE, zoeGoogle, zoeOutlook, zoePhone } from './zoe-sources';

let book: TestBook;
beforeEach(() => (book = openTestBook()));
afterEach(() => book.close());

const importFile = fileImporter(() => book);

/** Every page of a full `/contacts` fetch; the syncTimestamp of its first page. */
function fullList(): { contacts: WidgetContact[]; syncTimestamp: string } {
  const contacts: WidgetContact[] = [];
  let page: string | number = 1;
  let syncTimestamp = '';
  for (;;) {
    const r: ContactsPageResponse = must(book.service.list({ page, syncTimestamp: null }));
    syncTimestamp ||= r.syncTimestamp;
    contacts.push(...(r.data as WidgetContact[]));
    if (!r.nextPage) return { contacts, syncTimestamp };
    page = r.nextPage;
  }
}
const changesSince = (syncTimestamp: string) => must(book.service.list({ page: 1, syncTimestamp }));
const numbersOf = (c: WidgetContact | undefined) => c?.phoneNumbers.map((p) => p.phoneNumber).sort();

describe('store/links: one contact per person', () => {
  it('gives the widget one contact with the union of three sources', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [zoeOutlook]);
    const { contacts } = fullList();
    expect(contacts).toHaveLength(1);
    const zoe = contacts[0]!;
    expect(zoe.id).toBe(idOf(book.db, 'p-zoe'));
    expect(zoe.name).toBe('Zoë Åström');
    expect(numbersOf(zoe)).toEqual(['+46701234567', '+46812345678']);
    expect(zoe.emails).toEqual(['zoe@example.se']);
    expect(zoe.company).toBe('Nordlicht AB');

    const matched = must(book.service.match({ phoneNumbers: ['+46701234567', '+46812345678'] })).data;
    expect(matched['+46701234567']!.map((c) => c.id)).toEqual([zoe.id]);
    expect(matched['+46812345678']!.map((c) => c.id)).toEqual([zoe.id]);

    const found = must(book.service.search({ searchString: 'Åström' })).data;
    expect(found.map((c) => c.id)).toEqual([zoe.id]);
    expect(numbersOf(found[0])).toEqual(['+46701234567', '+46812345678']);
    // Found by a value only a hidden contact holds, still one row for the person.
    expect(must(book.service.search({ searchString: 'Nordlicht' })).data.map((c) => c.id)).toEqual([zoe.id]);
  });

  it('keeps two people who share a number apart when their names differ', () => {
    importFile(PHONE, [contact('p-ann', 'Ann Berg', ['+1 650 555 0100'])]);
    importFile(GOOGLE, [contact('g-bob', 'Bob Berg', ['+16505550100'])]);
    expect(fullList().contacts.map((c) => c.name).sort()).toEqual(['Ann Berg', 'Bob Berg']);
    const matched = must(book.service.match({ phoneNumbers: ['+16505550100'] })).data['+16505550100']!;
    expect(matched.map((c) => c.name)).toEqual(['Ann Berg', 'Bob Berg']);
  });

  it('does not link the same name without a shared number or e-mail, nor a file with itself', () => {
    importFile(PHONE, [contact('p-1', 'Jan Novak', ['+420 601 111 111']), contact('p-2', 'Jan Novak', ['+420601111111'])]);
    importFile(GOOGLE, [contact('g-1', 'Jan Novak', ['+420 602 222 222'])]);
    expect(fullList().contacts).toHaveLength(3);
  });

  it('tells an incremental sync: tombstones for ids that are hidden, the person again with the union', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    const before = fullList();
    expect(before.contacts).toHaveLength(1);
    const outlook = importFile(OUTLOOK, [{ ...zoeOutlook, phones: [] }]);
    expect(outlook.added).toBe(1);
    const delta = changesSince(before.syncTimestamp).data;
    // The new Outlook contact is hidden behind the person: it comes only as a tombstone.
    const byId = new Map(delta.map((c) => [c.id, c]));
    expect(byId.get(idOf(book.db, 'p-zoe'))).toMatchObject({ company: 'Nordlicht AB' });
    expect(byId.get(idOf(book.db, 'o-zoe'))).toMatchObject({ deleted: true });
  });

  it('sends a tombstone for the person id when its contact goes, and the rest under the next id', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [zoeOutlook]);
    const before = fullList();
    const phoneId = idOf(book.db, 'p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    const source = book.store.getSource(PHONE)!;
    book.store.removeSource(source.id);
    const delta = changesSince(before.syncTimestamp).data;
    const byId = new Map(delta.map((c) => [c.id, c]));
    expect(byId.get(phoneId)).toMatchObject({ deleted: true });
    expect(byId.get(googleId)).toMatchObject({ name: 'Zoe Astrom', emails: ['zoe@example.se'], company: 'Nordlicht AB' });
    expect(fullList().contacts.map((c) => c.id)).toEqual([googleId]);
  });

  it('unlinks a wrong pair, and the choice survives re-imports', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [zoeOutlook]);
    const before = fullList();
    const outlookId = idOf(book.db, 'o-zoe');
    const changed = book.store.unlink(Number(outlookId));
    expect(changed).not.toBeNull();
    const delta = changesSince(before.syncTimestamp).data;
    expect(delta.find((c) => c.id === outlookId)).toMatchObject({ name: 'Åström, Zoë', company: 'Nordlicht AB' });
    expect(delta.find((c) => c.id === idOf(book.db, 'p-zoe'))).not.toHaveProperty('company');

    // Each file imported again, one of them changed: still two people.
    importFile(OUTLOOK, [{ ...zoeOutlook, jobTitle: 'CEO' }]);
    importFile(GOOGLE, [{ ...zoeGoogle, notes: 'met in Malmö' }]);
    importFile(PHONE, [zoePhone]);
    const after = fullList().contacts;
    expect(after.map((c) => c.id).sort()).toEqual([idOf(book.db, 'p-zoe'), outlookId].sort());
    expect(book.store.unlink(Number(outlookId))).toBeNull();
  });

  it('answers the contact window with the merged card and the source of each value', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    const phoneId = idOf(book.db, 'p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    for (const id of [phoneId, googleId]) {
      const card = book.store.getPerson(id)!;
      expect(card.id).toBe(phoneId);
      expect(card.parts.map((p) => [p.id, p.source?.path])).toEqual([
        [phoneId, PHONE],
        [googleId, GOOGLE],
      ]);
      expect(card.phones.map((p) => p.e164)).toEqual(['+46701234567', '+46812345678']);
      expect(card.phoneParts).toEqual([[phoneId, googleId], [googleId]]);
      expect(card.emails).toEqual(['zoe@example.se']);
      expect(card.emailParts).toEqual([[googleId]]);
    }
  });

  it('links through a change of a contact, and a rename takes it out again', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [{ ...zoeGoogle, phones: [] , emails: [] }]);
    expect(fullList().contacts).toHaveLength(2);
    importFile(GOOGLE, [zoeGoogle]);
    expect(fullList().contacts).toHaveLength(1);
    importFile(GOOGLE, [{ ...zoeGoogle, displayName: 'Zoe Lind', givenName: 'Zoe', familyName: 'Lind' }]);
    expect(fullList().contacts.map((c) => c.name).sort()).toEqual(['Zoe Lind', 'Zoë Åström']);
  });

  it('gives one search row per person', () => {
    importFile(PHONE, [zoePhone, contact('p-zed', 'Zed Åström', ['+46 70 999 99 99'])]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [{ ...zoeOutlook, phones: zoePhone.phones }]);
    const rows = must(book.service.search({ searchString: 'astrom' })).data;
    // The person ranks by its best contact ("Åström, Zoë" starts with the term).
    expect(rows.map((r) => r.name)).toEqual(['Zoë Åström', 'Zed Åström']);
  });
});
