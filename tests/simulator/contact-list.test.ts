import { describe, expect, it } from 'vitest';
import { applyFetched, fetchAllPages } from './contact-list';
import type { SimContact } from './types';

const contact = (id: string, extra: Partial<SimContact> = {}): SimContact => ({
  id, name: `Name ${id}`, type: 'svc', phoneNumbers: [{ phoneNumber: `+1650555${id.padStart(4, '0')}`, phoneType: 'mobile' }], ...extra,
});

describe('contact-list/fetchAllPages', () => {
  it('follows nextPage verbatim, sends the stored timestamp on every page and keeps the first page timestamp', async () => {
    const bodies: unknown[] = [];
    const replies: unknown[] = [
      { data: [contact('1')], nextPage: 'cursor:abc', syncTimestamp: 'rev-10' },
      { data: [contact('2')], nextPage: { opaque: true }, syncTimestamp: 'rev-11' },
      { data: [contact('3')], nextPage: null, syncTimestamp: 'rev-12' },
    ];
    const result = await fetchAllPages(async (body) => {
      bodies.push(body);
      return replies.shift();
    }, 'rev-5', 'api');
    expect(bodies).toEqual([
      { page: 1, syncTimestamp: 'rev-5', type: 'api' },
      { page: 'cursor:abc', syncTimestamp: 'rev-5', type: 'api' },
      { page: { opaque: true }, syncTimestamp: 'rev-5', type: 'api' },
    ]);
    expect(result.syncTimestamp).toBe('rev-10');
    expect(result.contacts.map((c) => c.id)).toEqual(['1', '2', '3']);
  });

  it('stops paging on a non-array data even when nextPage is set', async () => {
    let calls = 0;
    const result = await fetchAllPages(async () => {
      calls += 1;
      return calls === 1 ? { data: [contact('1')], nextPage: 2, syncTimestamp: 't' } : { data: 'oops', nextPage: 3 };
    }, null, undefined);
    expect(calls).toBe(2);
    expect(result.contacts).toHaveLength(1);
  });

  it('throws when any page cannot be destructured, so the caller discards the whole fetch', async () => {
    let calls = 0;
    await expect(fetchAllPages(async () => {
      calls += 1;
      return calls === 1 ? { data: [contact('1')], nextPage: 2, syncTimestamp: 't' } : null;
    }, null, undefined)).rejects.toThrow(/destructure/);
  });

  it('normalises phone types of every page', async () => {
    const result = await fetchAllPages(async () => ({
      data: [{ id: '1', phoneNumbers: [{ phoneNumber: '+1', phoneType: 'homePhone', extra: 1 }, { phoneNumber: '+2' }] }],
      nextPage: null, syncTimestamp: 't',
    }), null, undefined);
    expect(result.contacts[0]?.phoneNumbers).toEqual([
      { phoneNumber: '+1', phoneType: 'home' }, { phoneNumber: '+2', phoneType: 'unknown' },
    ]);
  });
});

describe('contact-list/applyFetched', () => {
  const held = { contacts: [contact('1'), contact('2'), contact('3')], syncTimestamp: 'rev-1' };

  it('merges by id and drops deleted contacts when both sides have a timestamp', () => {
    const next = applyFetched(held, {
      contacts: [contact('2', { name: 'Renamed' }), contact('3', { deleted: true }), contact('4')], syncTimestamp: 'rev-2',
    });
    expect(next.kind).toBe('incremental');
    expect(next.contacts.map((c) => [c.id, c.name])).toEqual([['1', 'Name 1'], ['2', 'Renamed'], ['4', 'Name 4']]);
    expect(next.syncTimestamp).toBe('rev-2');
  });

  it('replaces the whole list with just the delta when the reply has no truthy timestamp', () => {
    const next = applyFetched(held, { contacts: [contact('4')], syncTimestamp: '' });
    expect(next.kind).toBe('replace');
    expect(next.contacts.map((c) => c.id)).toEqual(['4']);
    expect(next.syncTimestamp).toBe('');
  });

  it('replaces the list and keeps deleted rows on a full load (no stored timestamp)', () => {
    const next = applyFetched({ contacts: [contact('1')], syncTimestamp: null }, {
      contacts: [contact('9', { deleted: true })], syncTimestamp: undefined,
    });
    expect(next.contacts.map((c) => c.id)).toEqual(['9']);
    expect(next.syncTimestamp).toBeNull();
  });
});
