import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { ParsedContact } from '../../../../../src/main/contacts/model';
import { readVcardBuffer } from '../../../../../src/main/contacts/import/vcard/reader';
import { CORPUS, describeWithCorpus } from '../../../../support/corpus';

/**
 * Every vCard of the shared corpus, read by a person first (xxd / iconv where needed): what
 * they would expect as contacts, names, numbers (`value | types | label`) and emails.
 */

interface Expected {
  fn: string | undefined;
  given: string | undefined;
  family: string | undefined;
  org?: string;
  phones: string[];
  emails: string[];
}
type Skip = { skip: string; line: number };

const EXPECTED: Record<string, Array<Expected | Skip>> = {
  'android_v21_invalid_comment_line.vcf': [
    { fn: "Conference Call", given: "Conference Call", family: undefined, phones: [], emails: [] },
  ],
  'android_v21_invalid_multiple_line.vcf': [
    { fn: "Omega", given: "Omega", family: undefined, phones: [], emails: ["omega@example.com"] },
  ],
  'android_v21_japanese_1.vcf': [
    { fn: undefined, given: undefined, family: "安藤ロイド", phones: ["0300000000 | pref,voice"], emails: [] },
  ],
  'android_v21_multiple_entry.vcf': [
    { fn: undefined, given: undefined, family: "安藤ロイド3", phones: ["9 | x-nec-secret", "10 | x-nec-hotel", "11 | x-nec-school", "12 | home,fax"], emails: [] },
    { fn: undefined, given: undefined, family: "安藤ロイド4", phones: ["13 | modem", "14 | pager", "15 | x-nec-family", "16 | x-nec-girl"], emails: [] },
    { fn: undefined, given: undefined, family: "安藤ロイド5", phones: ["17 | x-nec-boy", "18 | x-nec-friend", "19 | x-nec-phs", "20 | x-nec-restaurant"], emails: [] },
  ],
  'android_v21_nest.vcf': [
    { fn: undefined, given: undefined, family: "nest1", phones: [], emails: [] },
    { fn: undefined, given: undefined, family: "nest2", phones: [], emails: [] },
    { fn: undefined, given: undefined, family: "parent", phones: ["1 | "], emails: [] },
  ],
  'android_v40_sort_as.vcf': [
    { fn: "安藤 ロイド", given: "ロイド", family: "安藤", org: "グーグル", phones: [], emails: [] },
  ],
  'ezvcard_John_Doe_ANDROID.vcf': [
    { fn: undefined, given: undefined, family: undefined, phones: [], emails: ["john.doe@company.com"] },
    { fn: undefined, given: undefined, family: undefined, phones: [], emails: ["jane.doe@company.com"] },
    { fn: "Ñ Ñ Ñ Ñ Ñ", given: undefined, family: "Ñ Ñ Ñ Ñ", phones: ["123456789 | cell,pref"], emails: [] },
    { fn: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", given: undefined, family: "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", phones: ["123456 | cell,pref", "234567 | home", "3456789 | cell", "45678901 | home"], emails: [] },
    { fn: "Ñ Ñ Ñ Ñ", given: "Ñ Ñ Ñ", family: "Ñ Ñ", org: "ÑÑÑÑÑÑÑÑÑÑÑÑ", phones: ["123456 | cell,pref", "123456 | work", "123456 | work,fax"], emails: ["bob@company.com"] },
    { fn: "ÑÑÑÑ", given: undefined, family: "ÑÑÑÑ", org: "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ", phones: ["55556666 | cell,pref"], emails: ["henry@company.com"] },
  ],
  'ezvcard_John_Doe_BLACK_BERRY.vcf': [
    { fn: "John Doe", given: "john", family: "Doe", org: "Acme Solutions", phones: ["+96123456789 | cell"], emails: [] },
  ],
  'ezvcard_John_Doe_EVOLUTION.vcf': [
    { fn: "Mr. John Richter, James Doe Sr.", given: "John", family: "Doe", org: "IBM", phones: ["905-666-1234 | cell", "905-555-1234 | work,voice"], emails: ["john.doe@ibm.com"] },
  ],
  'ezvcard_John_Doe_IPHONE.vcf': [
    { fn: "Mr. John Richter James Doe Sr.", given: "John", family: "Doe", org: "IBM", phones: ["905-555-1234 | cell,voice,pref", "905-666-1234 | home,voice", "905-777-1234 | work,voice", "905-888-1234 | home,fax", "905-999-1234 | work,fax", "905-111-1234 | pager", "905-222-1234 |  | AssistantPhone"], emails: ["john.doe@ibm.com"] },
  ],
  'ezvcard_John_Doe_LOTUS_NOTES.vcf': [
    { fn: "Mr. Doe John I Johny", given: "John", family: "Doe", org: "IBM", phones: ["+1 (212) 204-34456 | cell,voice,pref", "00-1-212-555-7777 | work,fax"], emails: ["john.doe@ibm.com","billy_bob@gmail.com"] },
  ],
  'ezvcard_gmail-list.vcf': [
    { fn: "Arnold Smith", given: "Arnold", family: "Smith", phones: [], emails: ["asmithk@gmail.com"] },
    { fn: "Chris Beatle", given: "Chris", family: "Beatle", phones: [], emails: ["chrisy55d@yahoo.com"] },
    { fn: "Doug White", given: "Doug", family: "White", phones: [], emails: ["dwhite@gmail.com"] },
  ],
  'ezvcard_gmail-single2.vcf': [
    { fn: "VCard Test", given: "VCard", family: "Test", org: "TheCompany", phones: ["5555551111 | ", "5555551112 | home", "5555551113 | work", "5555551114 | ", "5555551115 | cell", "5555551116 | main", "5555551117 | home,fax", "5555551118 | work,fax", "5555551119 |  | GRAND_CENTRAL", "5555551120 | pager", "5555551121 |  | CustomePhoneCategory"], emails: ["email@example.com","homeemail@example.com","workemail@example.com","otheremail@example.com","customcategory@example.com"] },
  ],
  'ezvcard_issue114.vcf': [
    { fn: "Dummy, Dummy", given: "Dummy", family: "Dummy", org: "Dummy GmbH", phones: ["+49 1234 56789 | cell,pref", "+49 9876 54321 | work"], emails: ["dummy.dummy@dummy.com"] },
  ],
  'ezvcard_outlook-2003.vcf': [
    { fn: "John Doe III", given: "John", family: "Doe", org: "Company, The", phones: ["BusinessPhone | work,voice", "HomePhone | home,voice", "MobilePhone | cell,voice", "BusinessFaxPhone | work,fax"], emails: ["jdoe@hotmail.com"] },
  ],
  'ezvcard_outlook-2007.vcf': [
    { fn: "Mr. Michael Angstadt Jr.", given: "Michael", family: "Angstadt", org: "TheCompany", phones: ["(111) 555-1111 | work,voice", "(111) 555-2222 | home,voice", "(111) 555-4444 | cell,voice", "(111) 555-3333 | work,fax"], emails: ["mike.angstadt@gmail.com"] },
  ],
  'ezvcard_thunderbird-MoreFunctionsForAddressBook-extension.vcf': [
    { fn: "John Doe", given: "John", family: "Doe", org: "TheOrganization", phones: ["555-555-1111 | work,voice", "555-555-2222 | home,voice", "555-555-5555 | cell,voice", "555-555-3333 | fax", "555-555-4444 | pager"], emails: ["doe.john@hotmail.com","additional-email@company.com","additional-email1@company.com","additional-email2@company.com","additional-email3@company.com"] },
  ],
  'kcontacts_vcard10.vcf': [
    { fn: undefined, given: undefined, family: undefined, org: "Bike Shop", phones: [], emails: [] },
    { fn: "Field after Address broken", given: "Broken", family: undefined, phones: [], emails: [] },
    { fn: "Field after Address not broken", given: "Broken", family: undefined, phones: [], emails: [] },
    { fn: "Dr. med. Surname Name", given: "Surname", family: "Name", phones: [], emails: [] },
    { fn: "Second Doctor", given: "Second", family: "Doctor", phones: [], emails: [] },
  ],
  'kcontacts_vcard3.vcf': [
    { fn: "ian geiser", given: "ian", family: "geiser", org: "Source eXtreme", phones: [], emails: ["geiseri@yahoo.com"] },
  ],
  'kcontacts_vcard4.vcf': [
    { fn: undefined, given: undefined, family: undefined, org: "Ximian, Inc.", phones: ["(617) 236-0442 | work,voice", "(617) 236-8630 | work,fax"], emails: ["hello@ximian.com"] },
  ],
  'kcontacts_vcard9.vcf': [
    { fn: "βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1βγδεαβγδ1", given: undefined, family: "123ㄓㄕㄖbcdeαβγδαβγδαβγδαβγδαβγδαβγδαβㄤㄓㄕㄖ", phones: [], emails: [] },
  ],
  'nodevcf_multiple.vcf': [
    { fn: "Dr. Erika Mustermann", given: "Erika", family: "Mustermann", org: "Wikimedia", phones: ["+49-221-9999123 | work,voice", "+49-221-1234567 | home,voice"], emails: ["erika@mustermann.de"] },
    { fn: "Dr. Erika Mustermann", given: "Erika", family: "Mustermann", org: "Wikimedia", phones: ["(0221) 9999123 | work,voice", "(0221) 1234567 | home,voice"], emails: ["erika@mustermann.de"] },
    { fn: "Dr. Erika Mustermann", given: "Erika", family: "Mustermann", org: "Wikimedia", phones: ["+49 221 9999123 | work,voice", "+49 221 1234567 | home,voice"], emails: ["erika@mustermann.de"] },
  ],
  'roundcube_johndoe.vcf': [
    { fn: "John Doë", given: "John", family: "Doë", org: "roundcube.net", phones: ["+123456789 | work", "+987654321 | cell"], emails: ["inbox@roundcube.net","roundcube@gmail.com"] },
  ],
  'roundcube_thebat.vcf': [
    { fn: "Piotr Iksiński", given: "Piotr", family: "Iksiński", phones: [], emails: ["piotr.iksinski@somedomain.com"] },
  ],
  'roundcube_utf-16_sample.vcf': [
    { fn: "Ǽgean ĽdaMonté", given: "Ǽgean", family: "ĽdaMonté", phones: [], emails: [] },
  ],
  'thunderbird_dos_vcard_addressbook.vcf': [
    { fn: "Name Surname", given: "Name", family: "Surname", phones: [], emails: ["example@gmail.com"] },
  ],
  'thunderbird_export.vcf': [
    { fn: "contact number one", given: "contact", family: "one", phones: [], emails: ["contact1@invalid"] },
    { fn: "contact number two", given: "contact", family: "two", phones: [], emails: ["contact2@invalid"] },
  ],
  'thunderbird_v4-uri-png.vcf': [
    { fn: "URI PNG, version 4.0", given: undefined, family: undefined, phones: [], emails: [] },
  ],
  'tine20_HerrFalkMuenchen.vcf': [
    { fn: "München, Falk", given: "Falk", family: "München", phones: ["12212/1212 | home,voice", "0171-9394461 | cell,voice"], emails: ["falk.muenchoen@landtag.xyz.de"] },
  ],
  'tine20_emclient_addressbook.vcf': [
    { fn: "Prefix Vor Nach Suffix", given: "Vor", family: "Nach", org: "Firma", phones: ["+49 PRIVAT | home,voice", "+49 MOBIL | cell", "+49 MOBIL2 | other", "+49 FAX | work,fax", "+49 PRIVATFAX | home,fax", "+49 BUSINESS | work,voice,pref"], emails: ["privat@email.de","business@email.de"] },
  ],
  'tine20_telefonbuch.vcf': [
    { fn: "Michael", given: undefined, family: "Spahn", phones: ["040 12345 | work"], emails: ["m.spahn@metaways.de"] },
  ],
};

/** Details beyond the common fields, where the file is about exactly that. */
const DETAILS: Record<string, Array<Partial<ParsedContact> | undefined>> = {
  'android_v21_invalid_comment_line.vcf': [{ note: 'This is an (sharp ->#<- sharp) example. This message must NOT be ignored.', uid: '357' }],
  'android_v40_sort_as.vcf': [{ department: '検索部門' }],
  'ezvcard_John_Doe_EVOLUTION.vcf': [{ middleName: 'Richter, James', prefix: 'Mr.', suffix: 'Sr.', department: 'Accounting, Dungeon', title: 'Money Counter' }],
  'ezvcard_John_Doe_IPHONE.vcf': [{ photo: expect.objectContaining({ kind: 'data', mime: 'image/jpeg' }) as never }],
  'ezvcard_John_Doe_BLACK_BERRY.vcf': [{ photo: expect.objectContaining({ kind: 'data', mime: 'image/jpeg' }) as never }],
  'ezvcard_outlook-2003.vcf': [{ note: 'This is the note field!!\nSecond line\n\nThird line is empty', department: 'TheDepartment' }],
  'ezvcard_gmail-single2.vcf': [{ title: 'TheJobTitle', note: 'note line 1\nnote line 2\nCustomField: field value' }],
  'kcontacts_vcard10.vcf': [
    undefined,
    { note: expect.stringContaining('URL field is truncated') as never },
    undefined,
    { title: 'Facharzt für Allgemeinmedizin', prefix: 'Dr. med.', note: 'Sprechzeiten:\nMo   8–12, 15–18\nDi     8–12\nMi    8–12, 14–15\nDo 14–19\nFr     8–12' },
    { title: 'Dentist' },
  ],
  'kcontacts_vcard9.vcf': [{ note: 'Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.', uid: '20140316T155019.877e370c11@martin' }],
  'nodevcf_multiple.vcf': [{ photo: { kind: 'url', url: 'http://commons.wikimedia.org/wiki/File:Erika_Mustermann_2010.jpg' }, title: 'Redaktion & Gestaltung' }],
  'thunderbird_export.vcf': [{ uid: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' }, { note: "here's some unicode text…", title: '"worker"' }],
  'thunderbird_v4-uri-png.vcf': [{ photo: expect.objectContaining({ kind: 'data', mime: 'image/png' }) as never }],
  'tine20_emclient_addressbook.vcf': [{ prefix: 'Prefix', department: 'Abteilung', note: 'Notes\nwith\nbreaks', title: 'Position' }],
};

const phoneText = (p: ParsedContact['phones'][number]): string => `${p.value} | ${p.types.join(',')}${p.label ? ` | ${p.label}` : ''}`;

describeWithCorpus('vcard/corpus', () => {
  it('covers every .vcf file of the corpus', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(vcf|vcard)$/i.test(f)).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
  });

  it.each(Object.entries(EXPECTED))('reads %s as a person would', (file, expected) => {
    const events = readVcardBuffer(readFileSync(path.join(CORPUS, file))).filter((e) => e.kind === 'contact' || e.kind === 'skip');
    const actual = events.map((e): Expected | Skip => {
      if (e.kind === 'skip') return { skip: e.reason, line: e.line };
      const c = e.contact;
      return {
        fn: c.formattedName,
        given: c.givenName,
        family: c.familyName,
        ...(c.organization ? { org: c.organization } : {}),
        phones: c.phones.map(phoneText),
        emails: c.emails,
      };
    });
    expect(actual).toEqual(expected);
    const contacts = events.flatMap((e) => (e.kind === 'contact' ? [e.contact] : []));
    (DETAILS[file] ?? []).forEach((detail, i) => {
      if (detail) expect(contacts[i], `${file} contact ${i}`).toMatchObject(detail);
    });
  });
});
