import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MatchResponse } from '../../../../src/shared/contact';
import { contact, idOf, openTestBook, phone, type TestBook } from '../helpers';

let book: TestBook;
beforeEach(() => {
  book = openTestBook({ region: 'US' });
  book.store.upsertContacts([
    contact('ada', 'Ada Lovelace', ['+1 (650) 555-0123', '+44 20 7946 0000']),
    contact('alan', 'Alan Turing', ['650.555.0123']),
    contact('desk', 'Front Desk', ['101']),
    contact('boss', 'Big Boss', [], { phones: [phone('+1 650 555 0199 x101', 'business')] }),
    contact('odd', 'Odd Number', ['ACME-4477']),
  ]);
});
afterEach(() => book.close());

const match = (phoneNumbers: unknown, extra: object = {}): MatchResponse => {
  const r = book.service.match({ phoneNumbers, callerIds: {}, ...extra });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const names = (r: MatchResponse, key: string) => (r.data[key] ?? []).map((c) => c.name);

describe('service/match', () => {
  it('keys the answer by the query strings exactly as sent, normalising each like stored numbers', () => {
    const r = match(['+16505550123', '(650) 555-0123', '+44 (0)20 7946 0000']);
    expect(Object.keys(r.data).sort()).toEqual(['(650) 555-0123', '+16505550123', '+44 (0)20 7946 0000'].sort());
    expect(names(r, '+16505550123')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(names(r, '(650) 555-0123')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(names(r, '+44 (0)20 7946 0000')).toEqual(['Ada Lovelace']);
  });

  it('returns every contact sharing a number, each contact once per query', () => {
    const r = match(['+16505550123']);
    expect(r.data['+16505550123']!.map((c) => c.id)).toEqual([idOf(book.db, 'ada'), idOf(book.db, 'alan')]);
  });

  it('matches an extension-only query to a bare stored extension and to a number with that extension', () => {
    expect(names(match(['101']), '101')).toEqual(['Front Desk', 'Big Boss']);
  });

  it('matches a number with an extension by its main number', () => {
    expect(names(match(['+16505550199']), '+16505550199')).toEqual(['Big Boss']);
  });

  it('matches unparseable stored numbers by their digits', () => {
    expect(names(match(['4477']), '4477')).toEqual(['Odd Number']);
  });

  it('omits numbers nobody has', () => {
    expect(match(['+19995550000', '']).data).toEqual({});
  });

  it('answers hundreds of numbers in one request', () => {
    const many = Array.from({ length: 600 }, (_, i) => `+1212555${String(i).padStart(4, '0')}`);
    const r = match([...many, '+16505550123']);
    expect(Object.keys(r.data)).toEqual(['+16505550123']);
  });

  it('keeps odd query strings as plain keys', () => {
    book.store.upsertContacts([contact('proto', 'Proto Type', ['__proto__'])]);
    const r = match(['__proto__']);
    expect(Object.hasOwn(r.data, '__proto__')).toBe(false);
    expect(JSON.parse(JSON.stringify(r))).toEqual({ data: {} });
  });

  it('does not match deleted contacts', () => {
    book.store.deleteContacts(['alan']);
    expect(names(match(['+16505550123']), '+16505550123')).toEqual(['Ada Lovelace']);
  });

  it('reads local numbers in the region the service is given', () => {
    book.close();
    book = openTestBook({ region: 'GB' });
    book.store.upsertContacts([contact('uk', 'Uk Person', ['+44 20 7946 0000'])]);
    expect(names(match(['020 7946 0000']), '020 7946 0000')).toEqual(['Uk Person']);
  });

  it('tolerates the extra fields the widget sends', () => {
    expect(names(match(['+16505550123'], { triggerFrom: 'manual', callerIds: { '+16505550123': 'x' } }), '+16505550123')).toHaveLength(2);
  });

  it.each([[{}], [{ phoneNumbers: '+16505550123' }], [{ phoneNumbers: [1, 2] }], [undefined], [{ phoneNumbers: Array(6000).fill('1') }]])(
    'refuses a malformed body %#',
    (body) => {
      const r = book.service.match(body);
      expect(r.ok ? 'ok' : r.error.code).toBe('bad-request');
    },
  );
});
