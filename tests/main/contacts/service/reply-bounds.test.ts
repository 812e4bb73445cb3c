/**
 * No widget reply grows past a bound a page implies, and remote photo URLs reach the widget
 * only when the user allows them (the widget fetches every profileImageUrl itself).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactsPageResponse, WidgetContact } from '../../../../src/shared/contact';
import { MAX_PHOTO_URL_CHARS } from '../../../../src/main/contacts/import/caps';
import { MAX_MATCHES_PER_NUMBER } from '../../../../src/main/contacts/service/match';
import { contact, must, openTestBook, type TestBook } from '../helpers';

let book: TestBook | undefined;
afterEach(() => book?.close());

const open = (options: Parameters<typeof openTestBook>[0] = {}): TestBook => (book = openTestBook(options));
const photo = (name: string): WidgetContact | undefined =>
  (must(book!.service.list({ page: 1, syncTimestamp: null })) as ContactsPageResponse).data.find((c) => c.name === name) as WidgetContact | undefined;
const dataUri = `data:image/png;base64,${'A'.repeat(1000)}`;

describe('remote photo URLs', () => {
  it('are not sent unless showRemotePhotos; embedded photos are', () => {
    open();
    book!.store.upsertContacts([
      contact('r', 'Remote Photo', ['+14155550100'], { avatar: 'https://tracker.example/p.png' }),
      contact('e', 'Embedded Photo', ['+14155550101'], { avatar: dataUri }),
    ]);
    expect(photo('Remote Photo')?.profileImageUrl).toBeUndefined();
    expect(photo('Embedded Photo')?.profileImageUrl).toBe(dataUri);
    const matched = must(book!.service.match({ phoneNumbers: ['+14155550100'] })).data['+14155550100']!;
    expect(matched[0]!.profileImageUrl).toBeUndefined();
    const found = must(book!.service.search({ searchString: 'Remote' })).data;
    expect(found[0]!.profileImageUrl).toBeUndefined();
  });

  it('are sent with showRemotePhotos, except one longer than MAX_PHOTO_URL_CHARS already in the database', () => {
    open({ showRemotePhotos: true });
    const long = `https://example.com/${'x'.repeat(2 * 1024 * 1024)}`;
    book!.store.upsertContacts([
      contact('r', 'Remote Photo', [], { avatar: 'https://example.com/p.png' }),
      contact('l', 'Long URL', [], { avatar: long }),
    ]);
    expect(photo('Remote Photo')?.profileImageUrl).toBe('https://example.com/p.png');
    expect(photo('Long URL')?.profileImageUrl).toBeUndefined();
    expect(long.length).toBeGreaterThan(MAX_PHOTO_URL_CHARS);
  });
});

describe('reply sizes', () => {
  it('ends a /contacts page early when its contacts add up past the byte budget, and the pages still cover everyone once', () => {
    open({ pageSize: 500, maxReplyBytes: 64 * 1024 });
    const avatar = `data:image/png;base64,${'B'.repeat(30 * 1024)}`;
    book!.store.upsertContacts(Array.from({ length: 20 }, (_, i) => contact(`k${i}`, `Photo ${i}`, [], { avatar })));
    const pages: ContactsPageResponse[] = [];
    let page: unknown = 1;
    do {
      pages.push(must(book!.service.list({ page, syncTimestamp: null })));
      page = pages.at(-1)!.nextPage;
    } while (page);
    expect(pages.map((p) => p.data.length)).toEqual(Array(10).fill(2));
    for (const p of pages) expect(JSON.stringify(p).length).toBeLessThan(64 * 1024 + 31 * 1024);
    expect(new Set(pages.flatMap((p) => p.data.map((c) => c.id))).size).toBe(20);
  });

  it('cuts search and match replies to the byte budget', () => {
    open({ maxReplyBytes: 64 * 1024 });
    const avatar = `data:image/png;base64,${'C'.repeat(30 * 1024)}`;
    book!.store.upsertContacts(Array.from({ length: 30 }, (_, i) => contact(`k${i}`, `Shared ${i}`, ['+14155550199'], { avatar })));
    book!.store.upsertContacts([contact('o', 'Other', ['+14155550111'])]);
    expect(must(book!.service.search({ searchString: 'Shared' })).data).toHaveLength(2);
    const matched = must(book!.service.match({ phoneNumbers: ['+14155550111', '+14155550199'] })).data;
    expect(matched['+14155550111']!.map((c) => c.name)).toEqual(['Other']);
    expect(matched['+14155550199']).toHaveLength(2);
    expect(JSON.stringify(matched).length).toBeLessThan(64 * 1024);
  });

  it('answers at most MAX_MATCHES_PER_NUMBER contacts for one number, the lowest ids', () => {
    open();
    book!.store.upsertContacts(Array.from({ length: 30 }, (_, i) => contact(`k${i}`, `Shared ${i}`, ['+14155550199'])));
    const matched = must(book!.service.match({ phoneNumbers: ['+14155550199'] })).data['+14155550199']!;
    expect(matched.map((c) => c.name)).toEqual(Array.from({ length: MAX_MATCHES_PER_NUMBER }, (_, i) => `Shared ${i}`));
  });
});
