import { describe, expect, it } from 'vitest';
import { toContactRecord } from '../../../../src/main/contacts/import/record';
import type { ParsedContact } from '../../../../src/main/contacts/model';

const parsed = (fields: Partial<ParsedContact>): ParsedContact => ({ line: 3, phones: [], emails: [], ...fields });
const map = (fields: Partial<ParsedContact>, options = {}) => {
  const r = toContactRecord(parsed(fields), options);
  if (!r.ok) throw new Error(r.reason);
  return r.record;
};

describe('record/toContactRecord', () => {
  it('takes the display name from FN, else the N parts, else ORG, else email, else the first number', () => {
    expect(map({ formattedName: ' Ann  Lee ', givenName: 'X' }).displayName).toBe('Ann Lee');
    expect(map({ prefix: 'Dr.', givenName: 'Ann', middleName: 'B.', familyName: 'Lee', suffix: 'PhD' }).displayName).toBe('Dr. Ann B. Lee PhD');
    expect(map({ organization: 'Acme' }).displayName).toBe('Acme');
    expect(map({ emails: ['a@b.example'] }).displayName).toBe('a@b.example');
    expect(map({ phones: [{ value: '+14155550100', types: [] }] }).displayName).toBe('+14155550100');
  });

  it('writes CJK names family-first without a space', () => {
    expect(map({ givenName: '太郎', familyName: '佐藤' }).displayName).toBe('佐藤太郎');
    expect(map({ givenName: 'Taro', familyName: '佐藤' }).displayName).toBe('Taro 佐藤');
  });

  it('skips a record with no name, number or email, with the reason', () => {
    expect(toContactRecord(parsed({ note: 'just a note', phones: [{ value: 'n/a', types: [] }] }), {})).toEqual({ ok: false, reason: 'no name, number or email' });
  });

  it('normalises numbers with the region, maps their types and removes duplicates', () => {
    const r = map(
      {
        formattedName: 'A',
        phones: [
          { value: '(415) 555-0100', types: ['cell'] },
          { value: '+1 415 555 0100', types: ['work'] },
          { value: '+14155550101 x12', types: [], label: 'Business Fax' },
          { value: '+49 PRIVAT', types: ['home'] },
          { value: '+49 MOBIL', types: ['cell'] },
        ],
        emails: [' a@b.example ', 'A@B.example', 'mailto:c@d.example'],
      },
      { region: 'US' },
    );
    expect(r.phones.map((p) => [p.e164, p.extension, p.type, p.raw])).toEqual([
      ['+14155550100', null, 'mobile', '(415) 555-0100'],
      ['+14155550101', '12', 'fax', '+14155550101 x12'],
      [null, null, 'home', '+49 PRIVAT'],
      [null, null, 'mobile', '+49 MOBIL'],
    ]);
    expect(r.emails).toEqual(['a@b.example', 'c@d.example']);
  });

  it('keeps inline photos up to the cap as data: URIs and http(s) URLs as they are', () => {
    const small = map({ formattedName: 'A', photo: { kind: 'data', mime: 'image/png', base64: 'iVBORw0K' } });
    expect(small.avatar).toBe('data:image/png;base64,iVBORw0K');
    const big = map({ formattedName: 'A', photo: { kind: 'data', mime: 'image/png', base64: 'A'.repeat(4000) } }, { avatarMaxBytes: 1000 });
    expect(big.avatar).toBeNull();
    expect(map({ formattedName: 'A', photo: { kind: 'url', url: 'https://x.example/a.jpg' } }).avatar).toBe('https://x.example/a.jpg');
    expect(map({ formattedName: 'A', photo: { kind: 'url', url: 'file:///etc/passwd' } }).avatar).toBeNull();
  });

  it('keys a contact by UID when present, else by its folded display name', () => {
    expect(map({ uid: ' abc ', formattedName: 'Ann' }).sourceKey).toBe('uid:abc');
    expect(map({ formattedName: 'Ann LEE', phones: [{ value: '+14155550100', types: [] }] }).sourceKey).toBe('name:ann lee');
    expect(map({ formattedName: 'Ann LEE', phones: [{ value: '+14155550199', types: [] }] }).sourceKey).toBe('name:ann lee');
  });
});
