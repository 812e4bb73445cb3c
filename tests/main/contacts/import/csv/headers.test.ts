import { describe, expect, it } from 'vitest';
import { compileTable, foldHeader } from '../../../../../src/main/contacts/import/csv/header-table';
import { mapHeader, roleOf } from '../../../../../src/main/contacts/import/csv/headers';
import raw from '../../../../../src/main/contacts/import/csv/header-table.json';

const kind = (h: string) => {
  const r = roleOf(h);
  return r ? `${r.kind}${r.type ? `:${r.type}` : ''}${r.group ? `@${r.group}` : ''}` : null;
};
const kinds = (headers: string[]) => mapHeader(headers, { requireIdentifying: false })!.map((r) => (r ? `${r.kind}${r.type ? `:${r.type}` : ''}` : null));

describe('csv/header-table', () => {
  it('folds case, accents, punctuation, spacing and letter-digit runs before comparing', () => {
    expect(foldHeader('  E-Mail-Adresse ')).toBe('e mail adresse');
    expect(foldHeader('Téléphone  bureau')).toBe('telephone bureau');
    expect(foldHeader('cp_mobile1')).toBe('cp mobile 1');
  });

  it('checks the table when it loads and names the bad entry', () => {
    const table = structuredClone(raw) as { exporters: Array<{ columns: Record<string, unknown> }> };
    table.exporters[0]!.columns['Shoe Size'] = 'shoe';
    expect(() => compileTable(table)).toThrow(/not a role[\s\S]*Shoe Size/);
    const twice = structuredClone(raw) as { exporters: Array<{ columns: Record<string, unknown> }> };
    twice.exporters[0]!.columns['GIVEN-NAME'] = 'given';
    expect(() => compileTable(twice)).toThrow(/"GIVEN-NAME" is listed twice/);
  });
});

describe('csv/headers/roleOf', () => {
  it('recognises Google value and type/label columns as one numbered group', () => {
    expect(kind('Phone 2 - Value')).toBe('phone@phone2');
    expect(kind('Phone 2 - Type')).toBe('label@phone2');
    expect(kind('Phone 2 - Label')).toBe('label@phone2');
    expect(kind('E-mail 1 - Value')).toBe('email@email1');
    expect(kind('Address 3 - Postal Code')).toBe('address.postalCode@address3');
    expect(kind('Website 1 - Value')).toBe('url@url1');
  });

  it('keeps the column name of number columns as the label', () => {
    for (const h of ['Business Phone', 'Mobile Phone', 'Telefon geschäftlich', 'Tél. mobile', 'Pager Number', 'cp_mobile1']) {
      expect(roleOf(h)).toMatchObject({ kind: 'phone', header: h });
    }
  });

  it('reads generic headers with the type word before or after, spaced, dashed, snake_case or numbered', () => {
    const cases: Record<string, string> = {
      'Home Email': 'email:home', 'Email Home': 'email:home', 'E-mail 2': 'email', email_home: 'email:home', cp_email: 'email',
      'Alternate Email 1': 'email:other', cp_mobile1: 'phone:cell', 'Mobile Phone 2': 'phone:cell', 'Work Phone Number': 'phone:work',
      n_given: 'given', n_family: 'family', org_name: 'org', 'Company Name': 'org', 'E-mail Address': 'email',
      'Home Address': 'address.street:home', home_zip: 'address.postalCode:home', 'Web site': 'url', 'Date of Birth': 'birthday',
    };
    for (const [h, expected] of Object.entries(cases)) expect([h, kind(h)]).toEqual([h, expected]);
  });

  it('leaves unknown words and headers whose words name different things unmapped', () => {
    for (const h of ['Shoe Size', 'Custom 1', 'Screen Name', 'Yomi Name', 'Organization 1 - Job Description', 'Home', 'Ort']) {
      expect([h, roleOf(h)]).toEqual([h, null]);
    }
  });

  it('maps known columns not imported (type and display-name columns) to ignore', () => {
    for (const h of ['E-Mail-Typ', 'E-mail Display Name', 'E-Mail: Angezeigter Name']) expect(kind(h)).toBe('ignore');
  });
});

describe('csv/headers/mapHeader', () => {
  it('reads an Outlook Title as the name prefix when a Job Title column exists, else as the job title', () => {
    expect(kinds(['Title', 'First Name', 'Last Name', 'Job Title'])).toEqual(['prefix', 'given', 'family', 'title']);
    expect(kinds(['Name', 'Title'])).toEqual(['name', 'title']);
  });

  it('reads bare Home / Work / Other as numbers only in a Yahoo file', () => {
    expect(kinds(['First', 'Home', 'Work', 'Other', 'Alternate Email 1'])).toEqual(['given', 'phone:home', 'phone:work', 'phone:other', 'email:other']);
    expect(kinds(['First', 'Home', 'Work', 'Other'])).toEqual(['given', null, null, null]);
  });

  it('resolves a duplicate Nom by its neighbours: family name beside the given names, full name elsewhere', () => {
    expect(kinds(['Nom', 'Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe'])).toEqual(['name', 'title', 'given', 'middle', 'family', 'suffix']);
    expect(kinds(['Nom', 'Prénom', 'Nom', 'Téléphone'])).toEqual(['family', 'given', 'family', 'phone']);
    expect(kinds(['Nom', 'Téléphone'])).toEqual(['name', 'phone']);
  });

  it('returns null when no column identifies a contact', () => {
    expect(mapHeader(['Alice', '+1 212 555 0123', 'alice@example.com'])).toBeNull();
    expect(mapHeader(['Birthday', 'Notes'])).toBeNull();
  });
});
