import { describe, expect, it } from 'vitest';
import { searchContactPhoneNumbers } from './display-filter';

const ana = {
  id: '7', name: 'Ana Müller', type: 'svc', company: 'Acme',
  phoneNumbers: [{ phoneNumber: '+4930123456', phoneType: 'mobile' }, { phoneNumber: '+4930999000', phoneType: 'homePhone' }],
};

describe('display-filter/searchContactPhoneNumbers', () => {
  it('shows one row per phone number when the name contains the lower-cased term', () => {
    const rows = searchContactPhoneNumbers([ana], 'MÜLL', 'svc');
    expect(rows.map((r) => r.phoneNumber)).toEqual(['+4930123456', '+4930999000']);
    expect(rows[1]).toMatchObject({ id: '7+4930999000', name: 'Ana Müller', phoneType: 'home', contactId: '7', entityType: 'svc' });
  });

  it('keeps only the rows whose raw number contains digits of the term', () => {
    expect(searchContactPhoneNumbers([ana], '999', 'svc').map((r) => r.phoneNumber)).toEqual(['+4930999000']);
  });

  it('drops hits by company only and contacts without phoneNumbers', () => {
    expect(searchContactPhoneNumbers([ana], 'acme', 'svc')).toEqual([]);
    expect(searchContactPhoneNumbers([{ id: '1', name: 'Ana' }], 'ana', 'svc')).toEqual([]);
  });

  it('joins missing first and last names as the text "undefined", like the widget', () => {
    expect(searchContactPhoneNumbers([ana], 'undefined', 'svc')).toHaveLength(2);
  });

  it('throws for a matching phone without a string phoneType, which loses every row of the query', () => {
    const broken = { id: '8', name: 'Ana Broken', phoneNumbers: [{ phoneNumber: '+1' }] };
    expect(() => searchContactPhoneNumbers([ana, broken], 'ana', 'svc')).toThrow(TypeError);
  });
});
