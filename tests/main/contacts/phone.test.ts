import { describe, expect, it } from 'vitest';
import { matchKey, normalizePhone, phoneDigits, phoneTypeFromLabels } from '../../../src/main/contacts/phone';

describe('phone/normalizePhone', () => {
  it.each([
    ['US national', '(650) 555-0123', 'US', '+16505550123'],
    ['US with country code', '+1 650.555.0123', undefined, '+16505550123'],
    ['GB national', '020 7946 0000', 'GB', '+442079460000'],
    ['GB international with trunk zero', '+44 (0)20 7946 0000', 'US', '+442079460000'],
    ['DE national', '030 12345678', 'DE', '+493012345678'],
    ['DE 00 prefix without region', '0049 30 12345678', undefined, '+493012345678'],
    ['FR national', '01 23 45 67 89', 'FR', '+33123456789'],
    ['IN mobile', '098765 43210', 'IN', '+919876543210'],
    ['JP national', '03-1234-5678', 'JP', '+81312345678'],
    ['vCard 4 tel URI', 'tel:+1-650-555-0123', undefined, '+16505550123'],
  ] as const)('normalises %s to E.164', (_label, input, region, e164) => {
    expect(normalizePhone(input, region)).toMatchObject({ e164, extension: null });
  });

  it.each([
    ['+1 650-555-0123 x101', '101'],
    ['+1 650-555-0123 ext. 42', '42'],
    ['(650) 555-0123 extension 7', '7'],
    ['tel:+16505550123;ext=55', '55'],
  ])('keeps the extension of %s apart from the E.164 number', (input, extension) => {
    expect(normalizePhone(input, 'US')).toEqual({ raw: input, e164: '+16505550123', extension });
  });

  it('keeps unparseable input raw, never dropping it', () => {
    expect(normalizePhone('ACME-HELP', 'US')).toEqual({ raw: 'ACME-HELP', e164: null, extension: null });
    expect(normalizePhone('12', 'US')).toEqual({ raw: '12', e164: null, extension: null });
    expect(normalizePhone('  555-CALL-NOW ', 'US').raw).toBe('555-CALL-NOW');
  });

  it('reads a local number only when a region is given', () => {
    expect(normalizePhone('650 555 0123').e164).toBeNull();
  });
});

describe('phone/matchKey', () => {
  it('is the E.164 form when there is one', () => {
    expect(matchKey(normalizePhone('(650) 555-0123 x9', 'US'))).toBe('+16505550123');
  });

  it('is the digits (with a leading +) for unparseable numbers, without the extension', () => {
    expect(matchKey(normalizePhone('101', 'US'))).toBe('101');
    expect(matchKey(normalizePhone('ACME-4477', 'US'))).toBe('4477');
    expect(matchKey(normalizePhone('+999 12', 'US'))).toBe('+99912');
  });
});

describe('phone/phoneDigits', () => {
  it('keeps only digits', () => {
    expect(phoneDigits('+1 (650) 555-0123')).toBe('16505550123');
  });
});

describe('phone/phoneTypeFromLabels', () => {
  it.each([
    [['cell'], undefined, 'mobile'],
    [['work', 'fax'], undefined, 'fax'],
    [['work', 'voice'], undefined, 'business'],
    [[], '_$!<Mobile>!$_', 'mobile'],
    [[], 'Geschäftlich', 'business'],
    [[], 'Télécopie', 'fax'],
    [['home'], undefined, 'home'],
    [['pager'], undefined, 'other'],
    [[], undefined, 'phone'],
  ] as const)('maps %j / %s to %s', (types, label, type) => {
    expect(phoneTypeFromLabels(types, label)).toBe(type);
  });
});
