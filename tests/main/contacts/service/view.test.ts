import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contact, idOf, openTestBook, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
  book.store.upsertContacts([contact('ada', 'Ada Lovelace', ['+16505550123'], { notes: 'Countess' })]);
});
afterEach(() => book.close());

describe('service/view', () => {
  it('finds the stored contact by the id the widget holds', () => {
    const r = book.service.view({ id: idOf(book.db, 'ada'), name: 'Ada', type: 'AddressBook', entityType: 'contact', phoneNumbers: [] });
    expect(r).toEqual({ ok: true, value: { response: 'ok', contact: expect.objectContaining({ displayName: 'Ada Lovelace', notes: 'Countess' }) } });
  });

  it('falls back to the numbers when the id is unknown', () => {
    const r = book.service.view({ id: '9999', phoneNumbers: [{ phoneNumber: '+19990000000' }, { phoneNumber: '+16505550123', phoneType: 'mobile' }] });
    expect(r.ok && r.value.contact?.displayName).toBe('Ada Lovelace');
  });

  it("answers 'ok' with no contact when nothing matches", () => {
    expect(book.service.view({ id: 'rc-123', phoneNumbers: [{ phoneNumber: '+19990000000' }] })).toEqual({ ok: true, value: { response: 'ok', contact: null } });
  });

  it('refuses a body that is not a contact', () => {
    const r = book.service.view('ada');
    expect(r.ok ? 'ok' : r.error.code).toBe('bad-request');
  });
});

describe('service/handle', () => {
  it.each([
    ['/contacts', { page: 1, syncTimestamp: null }, (v: unknown) => expect(v).toMatchObject({ data: [expect.objectContaining({ name: 'Ada Lovelace' })], nextPage: null })],
    ['/contacts/search', { searchString: 'ada' }, (v: unknown) => expect(v).toMatchObject({ data: [expect.objectContaining({ name: 'Ada Lovelace' })] })],
    ['/contacts/match', { phoneNumbers: ['+16505550123'] }, (v: unknown) => expect(v).toMatchObject({ data: { '+16505550123': [expect.objectContaining({ name: 'Ada Lovelace' })] } })],
    ['/contacts/view', { id: '1' }, (v: unknown) => expect(v).toBe('ok')],
  ])('routes %s to the response object the widget expects', (path, body, check) => {
    const r = book.service.handle(path, body);
    expect(r.ok).toBe(true);
    if (r.ok) check(r.value);
  });

  it.each([[undefined], ['/contacts/delete'], [''], [42], [{ path: '/contacts' }]])('answers unknown path %j with unknown-path', (path) => {
    const r = book.service.handle(path, {});
    expect(r.ok ? 'ok' : r.error.code).toBe('unknown-path');
  });

  it.each([
    ['/contacts', { page: { $gt: 1 } }],
    ['/contacts/search', { searchString: ['a'] }],
    ['/contacts/match', { phoneNumbers: [{ toString: 1 }] }],
    ['/contacts/view', [1, 2, 3]],
    ['/contacts', 'x'.repeat(10_000)],
  ])('answers a hostile body on %s with a clear bad-request, never a throw', (path, body) => {
    const r = book.service.handle(path, body);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-request');
      expect(r.error.message.length).toBeGreaterThan(5);
    }
  });

  it('turns a failure inside the store into an internal error', () => {
    book.db.close();
    const r = book.service.handle('/contacts/search', { searchString: 'ada' });
    expect(r.ok ? 'ok' : r.error.code).toBe('internal');
    book.db = { open: false } as never;
  });
});
