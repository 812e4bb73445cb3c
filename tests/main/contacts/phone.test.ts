import { describe, expect, it } from 'vitest';
import { KEPT, matchKey, normalizePhone, phoneDigits, phoneTypeFromLabels } from '../../../src/main/contacts/phone';

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
    expect(normalizePhone('ACME-HELP', 'US')).toEqual({ raw: 'ACME-HELP', e164: null, extension: null, keptBecause: KEPT.notANumber });
    expect(normalizePhone('12', 'US')).toEqual({ raw: '12', e164: null, extension: null, keptBecause: KEPT.short });
    expect(normalizePhone('  555-CALL-NOW ', 'US').raw).toBe('555-CALL-NOW');
  });

  it('reads a local number only when a region is given', () => {
    expect(normalizePhone('650 555 0123')).toMatchObject({ e164: null, keptBecause: 'no country code and no region' });
  });

  // Numbers that are merely *possible* in the region used to get its country code glued on
  // (`+10311111111`, `+10855512345`, `+491234`), and the contact window dialled that.
  it.each([
    ['0311111111', 'US', 'not a valid US number'],
    ['08-555 123 45', 'US', 'not a valid US number'],
    ['(555) 555-1234', 'US', 'not a valid US number'],
    ['1234', 'DE', 'short number (extension or internal line)'],
    ['205333', 'DE', 'short number (extension or internal line)'],
    ['0311111111', 'DE', 'not a valid DE number'],
    ['4711', 'SE', 'short number (extension or internal line)'],
    ['(650) 555-0123', 'SE', 'not a valid SE number'],
    ['212 5550123', 'DE', 'not a valid DE number'],
    ['8 555 123 45', 'SE', 'not a valid SE number'],
    ['08-555 123 45', undefined, 'no country code and no region'],
  ] as const)('keeps %s with region %s as written: %s', (input, region, why) => {
    const n = normalizePhone(input, region);
    expect(n).toEqual({ raw: input, e164: null, extension: null, keptBecause: why });
    expect(matchKey(n)).toBe(input.replace(/\D/g, ''));
  });

  it.each([
    ['(212) 555-0123', 'US', '+12125550123'],
    ['1-800-555-0199', 'US', '+18005550199'],
    ['030 12345678', 'DE', '+493012345678'],
    ['0171 1234567', 'DE', '+491711234567'],
    ['08-555 123 45', 'SE', '+46855512345'],
    ['070-123 45 67', 'SE', '+46701234567'],
    ['011 49 30 12345678', 'US', '+493012345678'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['020 7946 0000', 'GB', '+442079460000'],
  ] as const)('gives the valid local number %s (%s) its E.164 form', (input, region, e164) => {
    expect(normalizePhone(input, region)).toEqual({ raw: input, e164, extension: null });
  });

  it('takes the country code written in the number, whatever the region', () => {
    expect(normalizePhone('+46 8 555 123 45', 'US').e164).toBe('+46855512345');
    expect(normalizePhone('0046 8 555 123 45', 'DE').e164).toBe('+46855512345');
    expect(normalizePhone('+49 1234', 'US').e164).toBe('+491234');
    expect(normalizePhone('+1 23', 'US')).toMatchObject({ e164: null, keptBecause: 'not a possible number for its country code' });
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
