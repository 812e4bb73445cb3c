/**
 * Link again (the undo of an unlink), on a real SQLite file: the stored decision is forgotten,
 * only the names involved are relinked, and the widget learns it through its incremental sync
 * (a tombstone for the id that is hidden again, the person re-sent with the union).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactsPageResponse, WidgetContact } from '../../../../src/shared/contact';
import { contact, idOf, must, openTestBook, type TestBook } from '../helpers';
import { fileImporter, GOOGLE, OUTLOOK, PHONE, zoeGoogle, zoeOutlook, zoePhone } from './zoe-sources';

let book: TestBook;
beforeEach(() => (book = openTestBook()));
afterEach(() => book.close());

const importFile = fileImporter(() => book);

/** The ids of a full `/contacts` fetch, and its syncTimestamp. */
function fullList(): { ids: string[]; syncTimestamp: string } {
  const r: ContactsPageResponse = must(book.service.list({ page: 1, syncTimestamp: null }));
  expect(r.nextPage).toBeFalsy();
  return { ids: (r.data as WidgetContact[]).map((c) => c.id).sort(), syncTimestamp: r.syncTimestamp };
}
const changesSince = (syncTimestamp: string) => new Map((must(book.service.list({ page: 1, syncTimestamp })).data as WidgetContact[]).map((c) => [c.id, c]));
const revision = () => book.db.prepare('SELECT revision FROM meta WHERE id = 1').pluck().get() as number;
const unlinkRows = () => book.db.prepare('SELECT count(*) FROM unlinks').pluck().get() as number;

describe('store/links: link again', () => {
  it('undoes an unlink: one person again, told to the widget as an incremental sync', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [zoeOutlook]);
    const phoneId = idOf(book.db, 'p-zoe');
    const outlookId = idOf(book.db, 'o-zoe');
    book.store.unlink(Number(outlookId));
    const split = fullList();
    expect(split.ids).toEqual([phoneId, outlookId].sort());
    expect(book.store.getPerson(outlookId)!.apart.map((p) => p.id)).toEqual([phoneId, idOf(book.db, 'g-zoe')]);

    const changed = book.store.link(Number(outlookId));
    expect(changed).not.toBeNull();
    expect(unlinkRows()).toBe(0);
    expect(fullList().ids).toEqual([phoneId]);
    const delta = changesSince(split.syncTimestamp);
    expect(delta.get(outlookId)).toMatchObject({ deleted: true });
    expect(delta.get(phoneId)).toMatchObject({ company: 'Nordlicht AB', emails: ['zoe@example.se'] });
    const card = book.store.getPerson(outlookId)!;
    expect(card.id).toBe(phoneId);
    expect(card.parts).toHaveLength(3);
    expect(card.apart).toEqual([]);
    // Linked again, it stays linked through re-imports.
    importFile(OUTLOOK, [{ ...zoeOutlook, jobTitle: 'CEO' }]);
    expect(fullList().ids).toEqual([phoneId]);
  });

  it('links two people again from either window, each part of both persons included', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [zoeOutlook]);
    const phoneId = idOf(book.db, 'p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    const outlookId = idOf(book.db, 'o-zoe');
    book.store.unlink(Number(outlookId));
    // The card of the two that stay linked lists the unlinked one once, and links it with both.
    expect(book.store.getPerson(phoneId)!.apart.map((p) => p.id)).toEqual([outlookId]);
    expect(book.store.link(Number(outlookId), Number(phoneId))).not.toBeNull();
    expect(book.store.getPerson(phoneId)!.parts.map((p) => p.id)).toEqual([phoneId, googleId, outlookId]);
    expect(unlinkRows()).toBe(0);
  });

  it('forgets only the decisions between the two persons named', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [{ ...zoeOutlook, phones: zoePhone.phones }]);
    const phoneId = idOf(book.db, 'p-zoe');
    const googleId = idOf(book.db, 'g-zoe');
    const outlookId = idOf(book.db, 'o-zoe');
    book.store.unlink(Number(outlookId));
    book.store.unlink(Number(googleId));
    expect(fullList().ids).toEqual([phoneId, googleId, outlookId].sort());
    expect(book.store.link(Number(googleId), Number(phoneId))).not.toBeNull();
    expect(fullList().ids).toEqual([phoneId, outlookId].sort());
    // Outlook stays apart from both.
    expect(book.store.getPerson(outlookId)!.apart.map((p) => p.id)).toEqual([phoneId, googleId]);
  });

  it('forgets the decision even when the pair no longer shares a number, and links nothing', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    const googleId = idOf(book.db, 'g-zoe');
    book.store.unlink(Number(googleId));
    importFile(GOOGLE, [{ ...zoeGoogle, phones: [], emails: [] }]);
    const before = revision();
    expect(book.store.link(Number(googleId))).not.toBeNull();
    expect(unlinkRows()).toBe(0);
    expect(fullList().ids).toHaveLength(2);
    // Nothing the widget sees changed, so no revision was spent.
    expect(revision()).toBe(before);
    // Once the number is back, they link by themselves.
    importFile(GOOGLE, [zoeGoogle]);
    expect(fullList().ids).toEqual([idOf(book.db, 'p-zoe')]);
  });

  it('answers null and changes nothing when there is no decision to forget', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle, contact('g-zed', 'Zed Astrom', ['+46701234599'])]);
    const before = revision();
    expect(book.store.link(Number(idOf(book.db, 'g-zoe')))).toBeNull();
    expect(book.store.link(Number(idOf(book.db, 'g-zed')), Number(idOf(book.db, 'p-zoe')))).toBeNull();
    expect(book.store.link(999_999)).toBeNull();
    expect(revision()).toBe(before);
  });

  it('does not list, as kept apart, a contact that is gone or now has another name', () => {
    importFile(PHONE, [zoePhone]);
    importFile(GOOGLE, [zoeGoogle]);
    importFile(OUTLOOK, [zoeOutlook]);
    const phoneId = idOf(book.db, 'p-zoe');
    book.store.unlink(Number(idOf(book.db, 'o-zoe')));
    book.store.unlink(Number(idOf(book.db, 'g-zoe')));
    expect(book.store.getPerson(phoneId)!.apart).toHaveLength(2);
    importFile(OUTLOOK, []);
    importFile(GOOGLE, [{ ...zoeGoogle, displayName: 'Zoe Lind', givenName: 'Zoe', familyName: 'Lind' }]);
    expect(book.store.getPerson(phoneId)!.apart).toEqual([]);
  });
});
