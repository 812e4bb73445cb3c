import { describe, expect, it } from 'vitest';
import { createCsvReader, CsvHeaderError, detectDelimiter } from '../../../../../src/main/contacts/import/csv/reader';
import { toContactRecord } from '../../../../../src/main/contacts/import/record';
import { fixturePath, readContacts, readEvents } from './fixture-reader';

const records = (name: string, chunk?: number) =>
  readContacts(fixturePath(name), chunk).map((c) => {
    const r = toContactRecord(c, {});
    if (!r.ok) throw new Error(r.reason);
    return r.record;
  });
const phones = (r: { phones: Array<{ e164: string | null; type: string }> }) => r.phones.map((p) => [p.e164, p.type]);

describe('csv/reader/detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab outside quotes', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e"')).toBe(';');
    expect(detectDelimiter('a\tb\tc,d')).toBe('\t');
  });
});

describe('csv/reader/createCsvReader', () => {
  it('reads the old Google layout with several values per cell separated by :::', () => {
    const [ada, charles] = records('google-old.csv');
    expect(ada?.displayName).toBe('Ada Lovelace');
    expect(ada?.emails).toEqual(['ada@example.org', 'ada@work.example']);
    expect(phones(ada!)).toEqual([['+442079460001', 'mobile'], ['+442079460002', 'mobile'], ['+442079460003', 'fax']]);
    expect(ada?.company).toBe('Analytical Engines');
    expect(ada?.jobTitle).toBe('Countess');
    expect(ada?.notes).toBe('Analyst, first programmer');
    expect(charles?.displayName).toBe('Sir Charles Babbage');
    expect(phones(charles!)).toEqual([['+442079460100', 'home']]);
  });

  it('reads the current Google layout (Label columns, Organization Name/Title)', () => {
    const [grace, alan] = records('google-current.csv');
    expect(grace?.displayName).toBe('Grace Brewster Hopper');
    expect(grace?.company).toBe('US Navy');
    expect(grace?.jobTitle).toBe('Rear Admiral');
    expect(grace?.emails).toEqual(['grace@navy.example']);
    expect(phones(grace!)).toEqual([['+12025550143', 'mobile'], ['+12025550144', 'mobile'], ['+12025550199', 'business']]);
    expect(alan?.displayName).toBe('Alan Turing');
    expect(phones(alan!)).toEqual([['+441614960000', 'home']]);
  });

  it('reads English Outlook columns, with Title as the prefix and Job Title as the title', () => {
    const [john] = records('outlook-en.csv');
    expect(john?.displayName).toBe('Dr. John Q. Public Jr.');
    // The department is an organisation unit of its own, not glued to the company.
    expect(john?.company).toBe('Acme Corp');
    expect(john?.extras?.organizationUnits).toEqual(['Sales']);
    expect(john?.jobTitle).toBe('Manager');
    expect(john?.emails).toEqual(['john@acme.example', 'jqp@home.example']);
    expect(phones(john!)).toEqual([['+14155550100', 'business'], ['+14155550101', 'fax'], ['+14155550102', 'mobile']]);
  });

  it('reads German Outlook columns from a windows-1252 file', () => {
    const [j] = records('outlook-de.csv');
    expect(j?.displayName).toBe('Jürgen Weiß');
    expect(j?.company).toBe('Müller & Söhne GmbH');
    expect(j?.jobTitle).toBe('Geschäftsführer');
    expect(j?.emails).toEqual(['juergen@mueller.example']);
    expect(j?.notes).toBe('Grüße');
    expect(phones(j!)).toEqual([['+493012345679', 'fax'], ['+49301234567', 'business'], [null, 'mobile']]);
  });

  it('reads French Outlook columns from a UTF-8 file with a BOM', () => {
    const [f] = records('outlook-fr.csv');
    expect(f?.displayName).toBe('M. François Lefèvre');
    expect(f?.company).toBe("Société Générale d'Exemple");
    expect(f?.jobTitle).toBe('Directeur');
    expect(f?.emails).toEqual(['francois@exemple.fr']);
    expect(phones(f!)).toEqual([['+33123456789', 'business'], ['+33123456780', 'fax'], ['+33612345678', 'mobile']]);
  });

  it('reads Thunderbird columns', () => {
    const [l] = records('thunderbird.csv');
    expect(l?.displayName).toBe('Linus Torvalds');
    expect(l?.emails).toEqual(['linus@kernel.example', 'torvalds@home.example']);
    expect(l?.company).toBe('Linux Foundation');
    expect(l?.jobTitle).toBe('Fellow');
    expect(phones(l!)).toEqual([['+15035550110', 'business'], ['+15035550111', 'mobile']]);
  });

  it('reads generic files with comma, semicolon and tab delimiters', () => {
    const [alice, bob] = records('generic-comma.csv');
    expect([alice?.displayName, alice?.emails, alice?.company, phones(alice!)]).toEqual(['Alice Example', ['alice@example.com'], 'Example Inc', [['+12125550123', 'phone']]]);
    expect(bob?.displayName).toBe('Bob Example');
    const [carla] = records('generic-semicolon.csv');
    expect([carla?.displayName, carla?.company, carla?.jobTitle, phones(carla!)]).toEqual(['Carla Beispiel', 'Beispiel AG', 'CTO', [['+491701234567', 'mobile']]]);
    const [dana] = records('generic-tab.tsv');
    expect([dana?.displayName, dana?.emails, phones(dana!)]).toEqual(['Dana Tab', ['dana@tab.example'], [['+33698765432', 'phone']]]);
  });

  it('keeps newlines inside quoted fields and reports the line each record starts on', () => {
    const contacts = readContacts(fixturePath('embedded-newlines.csv'));
    expect(contacts.map((c) => [c.formattedName, c.line])).toEqual([['Eve Multi', 2], ['Frank After', 5]]);
    expect(contacts[0]?.note).toBe('line one\r\nline two\nline three');
  });

  it('tolerates short and long rows and blank lines', () => {
    const contacts = records('short-long-rows.csv');
    expect(contacts.map((c) => [c.displayName, c.emails])).toEqual([
      ['Short Row', []],
      ['Long Row', ['long@example.com']],
      ['After Blank', ['after@example.com']],
    ]);
    expect(readContacts(fixturePath('short-long-rows.csv')).map((c) => c.line)).toEqual([2, 3, 5]);
  });

  it('decodes UTF-16 with and without a BOM and windows-1252', () => {
    for (const name of ['utf16le-bom.csv', 'utf16be-nobom.csv']) {
      const [a] = records(name, 3);
      expect([a?.displayName, a?.emails, phones(a!)]).toEqual(['Åsa Öberg', ['asa@example.se'], [['+46701234567', 'mobile']]]);
    }
    expect(records('windows-1252.csv').map((r) => r.displayName)).toEqual(['René Größer', 'Zoë Çelik']);
  });

  it('gives the same records whatever the chunk size', () => {
    expect(records('google-old.csv', 1)).toEqual(records('google-old.csv', 65536));
    expect(records('embedded-newlines.csv', 2)).toEqual(records('embedded-newlines.csv', 65536));
  });

  it('throws one CsvHeaderError for a file without a recognisable header', () => {
    expect(() => readEvents(fixturePath('no-header.csv'))).toThrow(CsvHeaderError);
    const reader = createCsvReader();
    expect(() => [...reader.write(''), ...reader.end()]).toThrow(/empty/);
  });

  it('yields rows with nothing usable as contacts that the record mapping then skips', () => {
    const results = readContacts(fixturePath('no-usable-rows.csv')).map((c) => toContactRecord(c, {}));
    expect(results.map((r) => (r.ok ? r.record.displayName : r.reason))).toEqual(['no name, number or email', 'Good One']);
  });
});
