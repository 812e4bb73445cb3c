import { describe, expect, it } from 'vitest';
import { formatContacts, formatPhoneType } from './contact-format';

describe('contact-format/formatPhoneType', () => {
  it.each([
    [undefined, 'unknown'], ['', 'unknown'], ['mobile', 'mobile'], ['mobilePhone', 'mobile'],
    ['businessPhone', 'business'], ['Phone', 'other'], ['PhonePhone', 'other'], ['cell', 'other'], ['phone', 'phone'],
  ])('maps %j to %j as helper.ts does', (input, expected) => {
    expect(formatPhoneType(input)).toBe(expected);
  });
});

describe('contact-format/formatContacts', () => {
  it('rebuilds each phone as just phoneNumber and phoneType and keeps the other contact fields', () => {
    const [contact] = formatContacts([{ id: '1', name: 'A', company: 'Acme', phoneNumbers: [{ phoneNumber: '+1', phoneType: 'cell', label: 'x' } as never] }]);
    expect(contact).toEqual({ id: '1', name: 'A', company: 'Acme', phoneNumbers: [{ phoneNumber: '+1', phoneType: 'other' }] });
  });
});
