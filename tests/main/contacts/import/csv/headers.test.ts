import { describe, expect, it } from 'vitest';
import { foldHeader, mapHeader, roleOf } from '../../../../../src/main/contacts/import/csv/headers';

describe('csv/headers/roleOf', () => {
  it('folds case, accents, punctuation and spacing before comparing', () => {
    expect(foldHeader('  E-Mail-Adresse ')).toBe('e mail adresse');
    expect(foldHeader('Téléphone  bureau')).toBe('telephone bureau');
    expect(roleOf('E-MAIL ADDRESS')).toEqual({ kind: 'email' });
    expect(roleOf('fullname')).toEqual({ kind: 'name' });
  });

  it('recognises Google value and type/label columns as one group', () => {
    expect(roleOf('Phone 2 - Value')).toEqual({ kind: 'phone', label: '', group: 'phone 2' });
    expect(roleOf('Phone 2 - Type')).toEqual({ kind: 'groupLabel', group: 'phone 2' });
    expect(roleOf('Phone 2 - Label')).toEqual({ kind: 'groupLabel', group: 'phone 2' });
    expect(roleOf('E-mail 1 - Value')).toEqual({ kind: 'email', group: 'email 1' });
  });

  it('keeps the column name of Outlook and Thunderbird number columns as the label', () => {
    for (const h of ['Business Phone', 'Mobile Phone', 'Business Fax', 'Telefon geschäftlich', 'Mobiltelefon', 'Tél. mobile', 'Télécopie bureau', 'Pager Number', 'Work Phone', 'tel']) {
      expect(roleOf(h)).toEqual({ kind: 'phone', label: h });
    }
  });

  it('ignores type, display-name and address columns', () => {
    for (const h of ['E-Mail-Typ', 'E-mail Display Name', 'E-Mail: Angezeigter Name', 'Home Address', 'Birthday', 'Yomi Name']) {
      expect(roleOf(h)).toBeNull();
    }
  });
});

describe('csv/headers/mapHeader', () => {
  it('reads an Outlook Title as the name prefix when a Job Title column exists', () => {
    const map = mapHeader(['Title', 'First Name', 'Last Name', 'Job Title']);
    expect(map?.[0]).toEqual({ kind: 'prefix' });
    expect(map?.[3]).toEqual({ kind: 'title' });
  });

  it('reads a lone title column as the job title', () => {
    expect(mapHeader(['Name', 'Title'])?.[1]).toEqual({ kind: 'title' });
  });

  it('returns null when no column identifies a contact', () => {
    expect(mapHeader(['Alice', '+1 212 555 0123', 'alice@example.com'])).toBeNull();
    expect(mapHeader(['Birthday', 'Notes'])).toBeNull();
  });
});
