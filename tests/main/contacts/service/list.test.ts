import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactsPageResponse } from '../../../../src/shared/contact';
import { encodeSyncTimestamp } from '../../../../src/main/contacts/sync-token';
import { contact, idOf, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook({ pageSize: 3, showRemotePhotos: true });
});
afterEach(() => book.close());

const list = (body: unknown): ContactsPageResponse => {
  const r = book.service.list(body);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => contact(`k${from + i}`, `Person ${from + i}`, [`+1650555${String(1000 + from + i)}`]));
/** Every page of one fetch, as the widget requests them. */
const fetchAll = (syncTimestamp: string | null, between: (page: number) => void = () => {}) => {
  let page: unknown = 1;
  const pages: ContactsPageResponse[] = [];
  for (;;) {
    const reply = list({ page, syncTimestamp, type: 'manual' });
    pages.push(reply);
    if (!reply.nextPage) return pages;
    between(pages.length);
    page = reply.nextPage;
  }
};
const ids = (pages: ContactsPageResponse[]) => pages.flatMap((p) => p.data.map((c) => c.id));

describe('service/list', () => {
  it('answers a full list in keyset pages with a truthy syncTimestamp on every page', () => {
    book.store.upsertContacts(people(7));
    const pages = fetchAll(null);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(pages.at(-1)!.nextPage).toBeNull();
    expect(new Set(pages.map((p) => p.syncTimestamp)).size).toBe(1);
    expect(pages[0]!.syncTimestamp).toBeTruthy();
    expect(new Set(ids(pages)).size).toBe(7);
  });

  it('sends each contact in the widget shape with the service name as type and string ids', () => {
    book.store.upsertContacts([
      contact('a', 'Ada Lovelace', ['+1 650-555-0123 ext. 7', '101'], { company: 'Engines', jobTitle: 'Lead', emails: ['ada@example.com'], avatar: 'https://example.com/a.png' }),
    ]);
    expect(list({ page: 1, syncTimestamp: null }).data).toEqual([
      {
        id: idOf(book.db, 'a'),
        name: 'Ada Lovelace',
        type: 'AddressBook',
        phoneNumbers: [
          { phoneNumber: '+16505550123', phoneType: 'mobile' },
          { phoneNumber: '101', phoneType: 'mobile' },
        ],
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Engines',
        jobTitle: 'Lead',
        emails: ['ada@example.com'],
        profileImageUrl: 'https://example.com/a.png',
      },
    ]);
  });

  it('leaves huge inline photos out of list pages but keeps small ones', () => {
    const small = `data:image/png;base64,${'A'.repeat(100)}`;
    const huge = `data:image/jpeg;base64,${'A'.repeat(64 * 1024)}`;
    book.store.upsertContacts([contact('s', 'Small Photo', [], { avatar: small }), contact('h', 'Huge Photo', [], { avatar: huge })]);
    const data = list({ page: 1, syncTimestamp: null }).data as Array<{ name: string; profileImageUrl?: string }>;
    expect(data.find((c) => c.name === 'Small Photo')?.profileImageUrl).toBe(small);
    expect(data.find((c) => c.name === 'Huge Photo')?.profileImageUrl).toBeUndefined();
    expect(book.store.getDetails(idOf(book.db, 'h'))?.avatar).toBe(huge);
  });

  it('never puts deleted contacts in a full list', () => {
    book.store.upsertContacts(people(4));
    book.store.deleteContacts(['k1', 'k2']);
    const all = fetchAll(null).flatMap((p) => p.data);
    expect(all.map((c) => c.name)).toEqual(['Person 0', 'Person 3']);
    expect(all.some((c) => 'deleted' in c)).toBe(false);
  });

  it('returns only the changes after a syncTimestamp, with tombstones for deletions', () => {
    book.store.upsertContacts(people(5));
    const ts = fetchAll(null)[0]!.syncTimestamp;
    book.store.upsertContacts([contact('k1', 'Person One Renamed', ['+16505551001'])]);
    book.store.deleteContacts(['k3']);
    book.store.upsertContacts(people(1, 9));
    const data = fetchAll(ts).flatMap((p) => p.data);
    expect(data).toEqual([
      expect.objectContaining({ id: idOf(book.db, 'k1'), name: 'Person One Renamed' }),
      { id: idOf(book.db, 'k3'), name: '', type: 'AddressBook', phoneNumbers: [], deleted: true },
      expect.objectContaining({ id: idOf(book.db, 'k9'), name: 'Person 9' }),
    ]);
  });

  it('answers an incremental fetch with no changes with an empty last page and the same timestamp', () => {
    book.store.upsertContacts(people(2));
    const ts = list({ page: 1, syncTimestamp: null }).syncTimestamp;
    expect(list({ page: 1, syncTimestamp: ts })).toEqual({ data: [], nextPage: null, syncTimestamp: ts });
  });

  it('derives the timestamp from the revision counter, not the clock', () => {
    book.store.upsertContacts(people(1));
    const first = list({ page: 1, syncTimestamp: null }).syncTimestamp;
    expect(list({ page: 1, syncTimestamp: null }).syncTimestamp).toBe(first);
    book.store.upsertContacts(people(1, 1));
    expect(list({ page: 1, syncTimestamp: null }).syncTimestamp).not.toBe(first);
  });

  it('loses and repeats no contact when contacts are added and deleted between full-list pages', () => {
    book.store.upsertContacts(people(9));
    const pages = fetchAll(null, (n) => {
      if (n === 1) {
        book.store.deleteContacts(['k0', 'k5']); // one already sent, one not yet
        book.store.upsertContacts(people(2, 20));
      }
    });
    const got = ids(pages);
    expect(new Set(got).size).toBe(got.length);
    const live = (book.db.prepare('SELECT id FROM contacts WHERE deleted = 0').pluck().all() as number[]).map(String);
    // Every contact alive throughout is there; the one deleted after it was sent comes as a
    // tombstone in the next incremental fetch.
    for (const id of live) expect(got).toContain(id);
    const next = fetchAll(pages[0]!.syncTimestamp).flatMap((p) => p.data);
    expect(next).toContainEqual(expect.objectContaining({ id: idOf(book.db, 'k0'), deleted: true }));
  });

  it('keeps changes made while later pages are read for the next incremental fetch', () => {
    book.store.upsertContacts(people(9));
    const ts0 = fetchAll(null)[0]!.syncTimestamp;
    book.store.upsertContacts(people(5).map((c) => ({ ...c, jobTitle: 'changed' })));
    const pages = fetchAll(ts0, (n) => {
      if (n === 1) book.store.upsertContacts([{ ...people(1, 0)[0]!, jobTitle: 'changed again' }]);
    });
    const got = ids(pages);
    expect(new Set(got).size).toBe(got.length);
    const next = fetchAll(pages[0]!.syncTimestamp).flatMap((p) => p.data);
    expect(next).toEqual([expect.objectContaining({ id: idOf(book.db, 'k0'), jobTitle: 'changed again' })]);
  });

  it.each([
    ['garbled', 'not-a-timestamp'],
    ['tampered', 'x'],
    ['a number', 12345],
    ['foreign', encodeSyncTimestamp('00000000000000000000000000000000', 1)],
  ])('answers a %s syncTimestamp with a full list', (_label, value) => {
    book.store.upsertContacts(people(2));
    book.store.deleteContacts(['k0']);
    const ts = list({ page: 1, syncTimestamp: null }).syncTimestamp;
    const sent = value === 'x' ? `${ts.slice(0, -1)}${ts.endsWith('A') ? 'B' : 'A'}` : value;
    const reply = list({ page: 1, syncTimestamp: sent });
    expect(reply.data.map((c) => c.name)).toEqual(['Person 1']);
    expect(reply.syncTimestamp).toBe(ts);
  });

  it('answers a timestamp from a revision this database never reached with a full list', () => {
    book.store.upsertContacts(people(2));
    const { databaseId } = book.store.syncState();
    const reply = list({ page: 1, syncTimestamp: encodeSyncTimestamp(databaseId, 99) });
    expect(reply.data).toHaveLength(2);
  });

  it('answers a stale syncTimestamp (older than the kept tombstones) with a full list', () => {
    book.store.upsertContacts(people(3));
    const old = list({ page: 1, syncTimestamp: null }).syncTimestamp;
    book.store.deleteContacts(['k0']);
    book.store.purgeTombstones(book.store.syncState().revision);
    const reply = list({ page: 1, syncTimestamp: old });
    expect(reply.data.map((c) => c.name)).toEqual(['Person 1', 'Person 2']);
  });

  it.each([['garbage'], [2], ['p1.x.f.0.0.abc'], [{}]])('refuses a page cursor it did not issue (%j)', (page) => {
    book.store.upsertContacts(people(5));
    const r = book.service.list({ page, syncTimestamp: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-request');
  });

  it('treats a missing or null page as the first page', () => {
    book.store.upsertContacts(people(2));
    expect(list({}).data).toHaveLength(2);
    expect(list({ page: null, syncTimestamp: '' }).data).toHaveLength(2);
  });
});
