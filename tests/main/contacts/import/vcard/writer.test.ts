import { describe, expect, it } from 'vitest';
import { NO_EXTRAS, type ContactDetails, type PhoneType } from '../../../../../src/shared/contact';
import { phoneTypeFromLabels } from '../../../../../src/main/contacts/phone';
import { readVcardBuffer } from '../../../../../src/main/contacts/import/vcard/reader';
import { escapeText, foldLine, writeVcard } from '../../../../../src/main/contacts/import/vcard/writer';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const phone = (raw: string, type: PhoneType, label: string | null = null) => ({ raw, e164: null, extension: null, type, label });

const contact: ContactDetails = {
  ...NO_EXTRAS,
  id: 'c1',
  displayName: 'Zoë “Zed” Ελληνίδου-Ångström, Jr.; the 3rd',
  givenName: 'Zoë',
  familyName: 'Ελληνίδου-Ångström',
  company: 'Acme; Widgets, Inc.',
  jobTitle: 'Head of Ü\\X',
  notes: 'Line one\nLine two, with comma; and semicolon\\backslash\n' + '長いメモ'.repeat(40),
  avatar: `data:image/png;base64,${PNG}`,
  phones: [
    phone('+1 650 555 0100', 'mobile'),
    phone('+1 650 555 0101', 'business'),
    phone('+1 650 555 0102', 'home'),
    phone('+1 650 555 0103', 'fax'),
    phone('+1 650 555 0104', 'company'),
    phone('+1 650 555 0105', 'direct'),
    phone('+1 650 555 0106', 'extension'),
    phone('+1 650 555 0107', 'other'),
    phone('+1 650 555 0108', 'phone'),
    phone('+1 650 555 0109;ext=7', 'business', 'Desk, 2nd floor'),
  ],
  emails: ['zoe@example.com', 'z@example.org'],
  source: null,
};

describe('writer/writeVcard', () => {
  it('writes vCard 3.0 with CRLF line ends, lines of at most 75 octets, no split UTF-8 sequence', () => {
    const text = writeVcard(contact, { uid: 'source-key-1' });
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\nUID:source-key-1\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('reads back with the same fields (round trip)', () => {
    const [event, ...rest] = readVcardBuffer(Buffer.from(writeVcard(contact, { uid: 'source-key-1' }), 'utf8'));
    expect(rest).toEqual([]);
    if (event?.kind !== 'contact') throw new Error('expected a contact');
    const c = event.contact;
    expect(c).toMatchObject({
      uid: 'source-key-1',
      formattedName: contact.displayName,
      givenName: contact.givenName,
      familyName: contact.familyName,
      organization: contact.company,
      title: contact.jobTitle,
      note: contact.notes,
      photo: { kind: 'data', mime: 'image/png', base64: PNG },
    });
    expect(c.emails).toEqual(contact.emails);
    expect(c.phones.map((p) => p.value)).toEqual(contact.phones.map((p) => p.raw));
    expect(c.phones.map((p) => phoneTypeFromLabels(p.types, p.label))).toEqual(contact.phones.map((p) => p.type));
    expect(c.phones[9]?.label).toBe('Desk, 2nd floor');
  });

  it('writes an http(s) avatar as a URI and round-trips it as a URL', () => {
    const text = writeVcard({ ...contact, avatar: 'https://example.com/a.jpg', phones: [], notes: null });
    expect(text).toContain('PHOTO;VALUE=uri:https://example.com/a.jpg\r\n');
    const [event] = readVcardBuffer(Buffer.from(text));
    expect(event?.kind === 'contact' && event.contact.photo).toEqual({ kind: 'url', url: 'https://example.com/a.jpg' });
  });

  it('omits what the contact does not have', () => {
    const text = writeVcard({ ...contact, company: null, jobTitle: null, notes: null, avatar: null, phones: [], emails: [] });
    expect(text).not.toMatch(/^(ORG|TITLE|NOTE|PHOTO|TEL|EMAIL|UID)/m);
  });
});

describe('writer/escapeText', () => {
  it('escapes backslash, newline, comma and semicolon', () => {
    expect(escapeText('a\\b\nc,d;e\r\nf')).toBe('a\\\\b\\nc\\,d\\;e\\nf');
  });
});

describe('writer/foldLine', () => {
  it('leaves short lines alone and folds long ones on UTF-8 boundaries', () => {
    expect(foldLine('FN:short')).toBe('FN:short');
    const long = 'NOTE:' + 'é'.repeat(100);
    const folded = foldLine(long);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(long);
  });
});

describe('writer/writeVcard extra fields', () => {
  const base = { ...contact, phones: [], emails: [], notes: null, avatar: null, jobTitle: null };
  const body = (c: Partial<ContactDetails>) => writeVcard({ ...base, ...c }).split('\r\n');

  it('writes ORG units after the name with `;`, each escaped', () => {
    expect(body({ company: 'Nordlicht AB', organizationUnits: ['Telefoni', 'Kund; Support'] })).toContain('ORG:Nordlicht AB;Telefoni;Kund\\; Support');
    expect(body({ company: null, organizationUnits: ['Sales'] })).toContain('ORG:;Sales');
  });

  it('writes dates as dates (a year-less one without a year) and unreadable ones as text', () => {
    const lines = body({
      dates: [
        { kind: 'birthday', label: null, value: '--04-12' },
        { kind: 'anniversary', label: null, value: '2010-08-14' },
        { kind: 'other', label: 'Started, here', value: 'circa 1970' },
      ],
    });
    expect(lines).toEqual(expect.arrayContaining([
      'BDAY:--0412',
      'item1.X-ABDATE:2010-08-14', 'item1.X-ABLabel:_$!<Anniversary>!$_',
      'item2.X-ABDATE;VALUE=text:circa 1970', 'item2.X-ABLabel:Started\\, here',
    ]));
  });

  it('writes addresses with their type or label, and the printed form in the same group', () => {
    const a = { poBox: '', extended: '', street: 'Storgatan 1\nVåning 3', locality: 'Stockholm', region: '', postalCode: '111 22', country: 'Sverige' };
    const lines = body({ addresses: [{ ...a, type: 'work' }, { ...a, type: 'Sommarstuga', label: 'Box 7\nMalmö' }] });
    expect(lines).toEqual(expect.arrayContaining([
      'ADR;TYPE=WORK:;;Storgatan 1\\nVåning 3;Stockholm;;111 22;Sverige',
      'item1.ADR:;;Storgatan 1\\nVåning 3;Stockholm;;111 22;Sverige', 'item1.X-ABLabel:Sommarstuga', 'item1.LABEL:Box 7\\nMalmö',
    ]));
  });

  it('writes nickname, phonetic names, websites and categories', () => {
    const lines = body({
      nickname: 'Pelle, Lill-Per', phoneticGivenName: 'Pär', phoneticFamilyName: 'Lindkvist',
      urls: [{ type: 'home', url: 'https://example.com/a' }, { type: 'Blogg', url: 'https://blog.example/b' }],
      categories: ['Kollegor', 'Fotboll, lördagar'],
    });
    expect(lines).toEqual(expect.arrayContaining([
      'NICKNAME:Pelle\\, Lill-Per', 'X-PHONETIC-FIRST-NAME:Pär', 'X-PHONETIC-LAST-NAME:Lindkvist',
      'URL;TYPE=HOME:https://example.com/a', 'item1.URL:https://blog.example/b', 'item1.X-ABLabel:Blogg',
      'CATEGORIES:Kollegor,Fotboll\\, lördagar',
    ]));
  });
});
