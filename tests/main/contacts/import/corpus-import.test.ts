/**
 * Every file of the shared corpus (../shared/corpus/files, see MANIFEST.tsv) imported into a real
 * SQLite file: what lands in the database is what a person reading the file would expect.
 * Numbers are listed as written, with ` = <E.164>` where they parse without a default region;
 * the vCard reader's own tests assert the parser-level details.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { createContactStore } from '../../../../src/main/contacts/store';
import { CORPUS, describeWithCorpus } from '../../../support/corpus';

const temp = mkdtempSync(join(tmpdir(), 'corpus-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

type Row = [name: string, numbers: string[], emails: string[]];

/** Per file, in file order: display name, numbers, emails. */
const EXPECTED: Record<string, Row[]> = {
  'android_v21_invalid_comment_line.vcf': [
      ['Conference Call',[],[]],
  ],
  'android_v21_invalid_multiple_line.vcf': [
      ['Omega',[],['omega@example.com']],
  ],
  'android_v21_japanese_1.vcf': [
      ['安藤ロイド',['0300000000'],[]],
  ],
  'android_v21_multiple_entry.vcf': [
      ['安藤ロイド3',['9','10','11','12'],[]],
      ['安藤ロイド4',['13','14','15','16'],[]],
      ['安藤ロイド5',['17','18','19','20'],[]],
  ],
  'android_v21_nest.vcf': [
      ['nest1',[],[]],
      ['nest2',[],[]],
      ['parent',['1'],[]],
  ],
  'android_v40_sort_as.vcf': [
      ['安藤 ロイド',[],[]],
  ],
  'ezvcard_John_Doe_ANDROID.vcf': [
      ['john.doe@company.com',[],['john.doe@company.com']],
      ['jane.doe@company.com',[],['jane.doe@company.com']],
      ['Ñ Ñ Ñ Ñ Ñ',['123456789'],[]],
      ['Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ',['123456','234567','3456789','45678901'],[]],
      ['Ñ Ñ Ñ Ñ',['123456'],['bob@company.com']],
      ['ÑÑÑÑ',['55556666'],['henry@company.com']],
  ],
  'ezvcard_John_Doe_BLACK_BERRY.vcf': [
      ['John Doe',['+96123456789 = +96123456789'],[]],
  ],
  'ezvcard_John_Doe_EVOLUTION.vcf': [
      ['Mr. John Richter, James Doe Sr.',['905-666-1234','905-555-1234'],['john.doe@ibm.com']],
  ],
  'ezvcard_John_Doe_IPHONE.vcf': [
      ['Mr. John Richter James Doe Sr.',['905-555-1234','905-666-1234','905-777-1234','905-888-1234','905-999-1234','905-111-1234','905-222-1234'],['john.doe@ibm.com']],
  ],
  'ezvcard_John_Doe_LOTUS_NOTES.vcf': [
      ['Mr. Doe John I Johny',['+1 (212) 204-34456','00-1-212-555-7777'],['john.doe@ibm.com','billy_bob@gmail.com']],
  ],
  'ezvcard_gmail-list.vcf': [
      ['Arnold Smith',[],['asmithk@gmail.com']],
      ['Chris Beatle',[],['chrisy55d@yahoo.com']],
      ['Doug White',[],['dwhite@gmail.com']],
  ],
  'ezvcard_gmail-single2.vcf': [
      ['VCard Test',['5555551111','5555551112','5555551113','5555551114','5555551115','5555551116','5555551117','5555551118','5555551119','5555551120','5555551121'],['email@example.com','homeemail@example.com','workemail@example.com','otheremail@example.com','customcategory@example.com']],
  ],
  'ezvcard_issue114.vcf': [
      ['Dummy, Dummy',['+49 1234 56789 = +49123456789','+49 9876 54321 = +49987654321'],['dummy.dummy@dummy.com']],
  ],
  'ezvcard_outlook-2003.vcf': [
      ['John Doe III',[],['jdoe@hotmail.com']],
  ],
  'ezvcard_outlook-2007.vcf': [
      ['Mr. Michael Angstadt Jr.',['(111) 555-1111','(111) 555-2222','(111) 555-4444','(111) 555-3333'],['mike.angstadt@gmail.com']],
  ],
  'ezvcard_thunderbird-MoreFunctionsForAddressBook-extension.vcf': [
      ['John Doe',['555-555-1111','555-555-2222','555-555-5555','555-555-3333','555-555-4444'],['doe.john@hotmail.com','additional-email@company.com','additional-email1@company.com','additional-email2@company.com','additional-email3@company.com']],
  ],
  'kcontacts_vcard10.vcf': [
      ['Bike Shop',[],[]],
      ['Field after Address broken',[],[]],
      ['Field after Address not broken',[],[]],
      ['Dr. med. Surname Name',[],[]],
      ['Second Doctor',[],[]],
  ],
  'kcontacts_vcard3.vcf': [
      ['ian geiser',[],['geiseri@yahoo.com']],
  ],
  'kcontacts_vcard4.vcf': [
      ['Ximian, Inc.',['(617) 236-0442','(617) 236-8630'],['hello@ximian.com']],
  ],
  'kcontacts_vcard9.vcf': [
      ['βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1',[],[]],
  ],
  'nodevcf_multiple.vcf': [
      ['Dr. Erika Mustermann',['+49-221-9999123 = +492219999123','+49-221-1234567 = +492211234567'],['erika@mustermann.de']],
      ['Dr. Erika Mustermann',['(0221) 9999123','(0221) 1234567'],['erika@mustermann.de']],
      ['Dr. Erika Mustermann',['+49 221 9999123 = +492219999123','+49 221 1234567 = +492211234567'],['erika@mustermann.de']],
  ],
  'roundcube_gmail.csv': [
      ['Prefix Firstname Middle Lastname Suffix',[],['home@aaa.pl','work@email.pl','unknown@email.com','other@email.com']],
  ],
  'roundcube_johndoe.vcf': [
      ['John Doë',['+123456789','+987654321 = +987654321'],['inbox@roundcube.net','roundcube@gmail.com']],
  ],
  'roundcube_outlook.csv': [
      ['test1@domain.tld',[],['test1@domain.tld','test2@domain.tld','test3@domain.tld']],
  ],
  'roundcube_thebat.vcf': [
      ['Piotr Iksiński',[],['piotr.iksinski@somedomain.com']],
  ],
  'roundcube_utf-16_sample.vcf': [
      ['Ǽgean ĽdaMonté',[],[]],
  ],
  'thunderbird_dos_vcard_addressbook.vcf': [
      ['Name Surname',[],['example@gmail.com']],
  ],
  'thunderbird_export.csv': [
      ['contact number one',[],['contact1@invalid']],
      ['contact number two',[],['contact2@invalid']],
  ],
  'thunderbird_export.vcf': [
      ['contact number one',[],['contact1@invalid']],
      ['contact number two',[],['contact2@invalid']],
  ],
  'thunderbird_quote.csv': [
      ['Acer America',['(800) 000-0000'],[]],
  ],
  'thunderbird_shiftjis_addressbook.csv': [
      ['名無しの権兵衛',[],['名無しの権兵衛@host.invalid']],
  ],
  'thunderbird_utf16_addressbook.csv': [
      ['John Doe',[],['johndoe@host.invalid']],
  ],
  'thunderbird_v4-uri-png.vcf': [
      ['URI PNG, version 4.0',[],[]],
  ],
  'tine20_HerrFalkMuenchen.vcf': [
      ['München, Falk',['12212/1212','0171-9394461'],['falk.muenchoen@landtag.xyz.de']],
  ],
  'tine20_emclient_addressbook.vcf': [
      ['Prefix Vor Nach Suffix',['+49 PRIVAT','+49 MOBIL','+49 MOBIL2','+49 FAX','+49 PRIVATFAX','+49 BUSINESS'],['privat@email.de','business@email.de']],
  ],
  'tine20_google_contacts.csv': [
      ['Ando',['+49227913452 = +49227913452'],[]],
      ['Anna',['+494471707801 = +494471707801'],[]],
      ['Anne',['01235684494'],[]],
      ['axel',['+4921234435 = +4921234435'],['abc@here.de']],
      ['Bus Winsen',['021224351809'],[]],
  ],
  'tine20_importtest_outlook2013.csv': [
      ['Christian Baumann',['+49 (0) 40 6432131-550 = +49406432131550'],['c.baumann@unittest.de']],
      ['Cornelius Weiß',['040 6432131545','0176 164321545'],['c.weiss@unittest.de']],
  ],
  'tine20_importtest_win1252.csv': [
      ['Peter Pan',[],['peter.pan@ecologic.eu']],
      ['Maja Biene',[],['maja.biene@bienenstock.de']],
      ['ÖzdemirÖ Üglü',[],['oezdemir@ueglue.tu']],
      ['Weiss Cornelius',[],['c.weiss@metaways.de']],
  ],
  'tine20_telefonbuch.vcf': [
      ['Michael',['040 12345'],['m.spahn@metaways.de']],
  ],

};

/** CSV files: every mapped field of every row. */
const CSV_DETAILS: Record<string, Array<Record<string, unknown>>> = {
  'roundcube_gmail.csv': [{ givenName: 'Firstname', familyName: 'Lastname', company: 'company', jobTitle: 'jobtitle', notes: 'note"note' }],
  'roundcube_outlook.csv': [{ givenName: null, familyName: null, company: null, jobTitle: null, notes: null }],
  'thunderbird_export.csv': [
    { givenName: 'contact', familyName: 'one', company: null, jobTitle: null, notes: null },
    { givenName: 'contact', familyName: 'two', company: null, jobTitle: '"worker"', notes: "here's some unicode text\u2026" },
  ],
  'thunderbird_quote.csv': [{ givenName: null, familyName: null, company: 'Acer America', jobTitle: null, phoneTypes: ['business'] }],
  'thunderbird_shiftjis_addressbook.csv': [{ givenName: '権兵衛', familyName: '名無し' }],
  'thunderbird_utf16_addressbook.csv': [{ givenName: 'John', familyName: 'Doe' }],
  'tine20_google_contacts.csv': [
    { givenName: 'Ando', familyName: 'family', phoneTypes: ['mobile'] },
    { givenName: 'Anna', familyName: 'family', phoneTypes: ['mobile'] },
    { givenName: 'Anne', familyName: 'family', phoneTypes: ['mobile'] },
    { givenName: 'axel', familyName: 'gert', notes: 'rutan', phoneTypes: ['mobile'] },
    { givenName: 'Bus Winsen', familyName: 'family', phoneTypes: ['home'] },
  ],
  'tine20_importtest_outlook2013.csv': [
    { givenName: 'Christian', familyName: 'Baumann', company: 'unittest', jobTitle: 'Vertrieb', notes: null, phoneTypes: ['business'] },
    { givenName: 'Cornelius', familyName: 'Weiß', company: 'unittest', jobTitle: 'Softwareengineering', phoneTypes: ['business', 'mobile'] },
  ],
  'tine20_importtest_win1252.csv': [
    { givenName: 'Peter', familyName: 'Pan' },
    { givenName: 'Maja', familyName: 'Biene' },
    { givenName: 'ÖzdemirÖ', familyName: 'Üglü' },
    { givenName: 'Weiss', familyName: 'Cornelius' },
  ],
};

/** Inline photos (data: URIs) and photo URLs kept as avatars. */
const AVATARS: Record<string, Array<string | null>> = {
  'ezvcard_John_Doe_BLACK_BERRY.vcf': ['data:image/jpeg;base64,'],
  'ezvcard_John_Doe_IPHONE.vcf': ['data:image/jpeg;base64,'],
  'thunderbird_v4-uri-png.vcf': ['data:image/png;base64,iVBORw0KGgo'],
  'nodevcf_multiple.vcf': ['http://commons.wikimedia.org/', 'http://commons.wikimedia.org/', 'http://commons.wikimedia.org/'],
};

function importAlone(file: string) {
  const dbPath = join(temp, `${file}.db`);
  const db = openDatabase(dbPath);
  const store = createContactStore({ db });
  const report = importFile(store, join(CORPUS, file));
  const details = [...store.allDetails()];
  closeDatabase(db);
  return { report, details };
}

describeWithCorpus('importer/importFile on the shared corpus', () => {
  it('has an expectation for each of the 40 files', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(vcf|csv)$/.test(f));
    expect(files).toHaveLength(40);
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  for (const [file, rows] of Object.entries(EXPECTED)) {
    it(`imports ${file}: ${rows.length} contact(s) with their names, numbers and emails`, () => {
      const { report, details } = importAlone(file);
      if (!report.ok) throw new Error(report.error.message);
      expect(report.value.added).toBe(rows.length);
      expect(report.value.skipped).toEqual([]);
      const actual: Row[] = details.map((c) => [
        c.displayName,
        c.phones.map((p) => (p.e164 ? `${p.raw} = ${p.e164}` : p.raw)),
        c.emails,
      ]);
      expect(actual).toEqual(rows);
      const csv = CSV_DETAILS[file];
      if (csv) {
        details.forEach((c, i) => {
          const want = csv[i]!;
          const { phoneTypes, ...fields } = want;
          expect(c).toMatchObject(fields);
          if (phoneTypes) expect(c.phones.map((p) => p.type)).toEqual(phoneTypes);
        });
      }
      const avatars = AVATARS[file];
      if (avatars) details.forEach((c, i) => expect(c.avatar?.startsWith(avatars[i]!)).toBe(true));
    });
  }
});
