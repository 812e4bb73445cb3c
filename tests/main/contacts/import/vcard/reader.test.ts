import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedContact } from '../../../../../src/main/contacts/model';
import {
  createVcardReader,
  MAX_LINE_BYTES,
  readVcardBuffer,
  type ImportEvent,
} from '../../../../../src/main/contacts/import/vcard/reader';
import { shiftJisCard, shiftJisUndeclared, utf16Card, windows1252Card } from './binary-fixtures';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/vcard');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));
const contacts = (events: ImportEvent[]): ParsedContact[] =>
  events.flatMap((e) => (e.kind === 'contact' ? [e.contact] : []));
const skips = (events: ImportEvent[]) => events.filter((e) => e.kind === 'skip');
const read = (name: string): ParsedContact[] => contacts(readVcardBuffer(fixture(name)));

describe('reader/readVcardBuffer', () => {
  it('reads vCard 2.1 quoted-printable with CHARSET, soft line breaks and bare types', () => {
    const [c] = read('v21-quoted-printable.vcf');
    expect(c).toMatchObject({ familyName: 'Müller', givenName: 'Jürgen', formattedName: 'Jürgen Müller', note: 'line one\nline two' });
    expect(c?.phones).toEqual([
      { value: '+49 171 1234567', types: ['cell', 'voice'] },
      { value: '+49 30 1234568', types: ['work', 'fax'] },
    ]);
    expect(c?.emails).toEqual(['juergen@example.de']);
  });

  it('reads 3.0 TYPE lists, quoted lists, escapes and ORG units', () => {
    const [c] = read('v30-types-and-escapes.vcf');
    expect(c?.phones.map((p) => p.types)).toEqual([['cell', 'voice'], ['work', 'fax'], ['home', 'pref']]);
    expect(c).toMatchObject({ title: 'Engineer, Senior', organization: 'Acme, Inc.', department: 'R&D, Phones', uid: 'anna-1' });
    expect(c?.note).toBe('first\nsecond; third\\fourth\nfifth');
  });

  it('reads 4.0 VALUE=uri tel: numbers, PREF=1 and RFC 6868 parameters', () => {
    const [c] = read('v40-uri-and-caret.vcf');
    expect(c?.phones).toEqual([
      { value: '+1-555-555-0199', types: ['voice', 'cell', 'pref'] },
      { value: '+1-555-555-0100;ext=42', types: ['work'] },
    ]);
    expect(c?.emails).toEqual(['carl@example.org']);
  });

  it('applies Apple itemN.X-ABLabel to the same group, whichever comes first', () => {
    const [c] = read('apple-groups.vcf');
    expect(c?.phones).toEqual([
      { value: '+44 20 7946 0000', types: ['pref'], label: 'Mobile' },
      { value: '+44 20 7946 0001', types: [], label: 'Boat' },
    ]);
    expect(c?.emails).toEqual(['dana@example.co.uk']);
  });

  it('keeps N without FN, an ORG-only and an email-only card, and skips a card with nothing usable', () => {
    const events = readVcardBuffer(fixture('names-and-fallbacks.vcf'));
    const [n, org, email] = contacts(events);
    expect(n).toMatchObject({ familyName: 'Fischer', givenName: 'Gerd', middleName: 'Maria', prefix: 'Dr.', suffix: 'PhD' });
    expect(n?.formattedName).toBeUndefined();
    expect(org).toMatchObject({ organization: 'Only Org GmbH', department: 'Sales' });
    expect(email?.emails).toEqual(['only@example.com']);
    expect(skips(events)).toEqual([{ kind: 'skip', line: 15, reason: 'vCard has no name, phone number or email' }]);
  });

  it('reads mixed versions in one file, ignoring garbage between cards and unknown properties', () => {
    const cs = read('mixed-versions.vcf');
    expect(cs.map((c) => [c.formattedName, c.phones[0]?.value, c.line])).toEqual([
      ['Four', '1001', 2],
      ['Two One', '1002', 8],
      ['Three', '1003', 14],
    ]);
  });

  it('keeps inline base64, data: URI and 2.1 indented base64 photos as data, http(s) as a URL', () => {
    const cs = read('photos.vcf');
    expect(cs[0]?.photo).toEqual({ kind: 'data', mime: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' });
    expect(cs[1]?.photo).toEqual({ kind: 'data', mime: 'image/jpeg', base64: '/9j/4AAQSkZJRgABAQAAAQABAAD' });
    expect(cs[2]?.photo).toEqual({ kind: 'url', url: 'https://example.com/p.jpg' });
    expect(cs[3]?.photo).toEqual({ kind: 'data', mime: 'image/jpeg', base64: '/9j/4AAQSkZJRgABAQAAAQABAAD' });
  });

  it('reports a card cut off by the end of the file as a skip with its start line', () => {
    const events = readVcardBuffer(fixture('truncated.vcf'));
    expect(contacts(events).map((c) => c.formattedName)).toEqual(['Cut Off']);
    expect(skips(events)).toEqual([{ kind: 'skip', line: 6, reason: 'vCard has no END:VCARD (file truncated?)', damaged: true }]);
  });

  it('rejoins folds that split UTF-8 sequences and keeps the second space of a double-space fold', () => {
    const [c] = read('folded-utf8.vcf');
    expect(c).toMatchObject({ formattedName: 'Ζωή Ελληνίδου', familyName: 'Ελληνίδου', givenName: 'Ζωή', note: 'a space fold keeps the second space' });
    expect(c?.phones[0]?.value).toBe('+30 210 123 4567');
  });

  it('decodes Shift_JIS declared per property, and undeclared through the sniffed file encoding', () => {
    const [c] = contacts(readVcardBuffer(shiftJisCard()));
    expect(c).toMatchObject({ familyName: '安藤', givenName: 'ロイド', formattedName: '安藤 ロイド', organization: 'ソニー表示', department: '開発部' });
    const undeclared = contacts(readVcardBuffer(shiftJisUndeclared()));
    expect(undeclared.map((x) => x.familyName)).toEqual(['安藤', '日本語のテキストです']);
  });

  it('decodes windows-1252 without any CHARSET', () => {
    const [c] = contacts(readVcardBuffer(windows1252Card()));
    expect(c).toMatchObject({ familyName: 'Müller', formattedName: 'Jürgen Müller', organization: 'Bäckerei Größe' });
  });

  it('reads UTF-16 LE and BE, with and without a BOM, and UTF-8 with a BOM', () => {
    for (const order of ['utf16le', 'utf16be'] as const) {
      for (const bom of [true, false]) {
        const [c] = contacts(readVcardBuffer(utf16Card(order, bom)));
        expect(c, `${order} bom=${bom}`).toMatchObject({ formattedName: 'Ǽgean Ĳsselmeer', familyName: 'Ĳsselmeer' });
      }
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('v21-quoted-printable.vcf')]);
    expect(contacts(readVcardBuffer(bom))).toHaveLength(1);
  });

  it('reads nothing and reports nothing from a file that is not a vCard', () => {
    expect(readVcardBuffer(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual([]);
    expect(readVcardBuffer(Buffer.alloc(0))).toEqual([]);
  });
});

describe('reader/createVcardReader', () => {
  const feed = (bytes: Buffer, size: number, fallbackCharset = 'utf8'): ImportEvent[] => {
    const reader = createVcardReader({ fallbackCharset });
    const events: ImportEvent[] = [];
    for (let i = 0; i < bytes.length; i += size) events.push(...reader.write(bytes.subarray(i, i + size)));
    return [...events, ...reader.end()];
  };

  const files: Array<[string, Buffer, string]> = [
    ...['v21-quoted-printable.vcf', 'v30-types-and-escapes.vcf', 'v40-uri-and-caret.vcf', 'apple-groups.vcf', 'names-and-fallbacks.vcf', 'mixed-versions.vcf', 'photos.vcf', 'truncated.vcf', 'folded-utf8.vcf'].map(
      (f): [string, Buffer, string] => [f, fixture(f), 'utf8'],
    ),
    ['shift-jis', shiftJisUndeclared(), 'shift_jis'],
    ['windows-1252', windows1252Card(), 'windows-1252'],
    ['cr-cr-lf', Buffer.from(fixture('v30-types-and-escapes.vcf').toString('latin1').replace(/\n/g, '\r\r\n'), 'latin1'), 'utf8'],
  ];

  it.each(files)('gives the same events for %s whatever the chunk size (1..N bytes)', (_name, bytes, charset) => {
    const whole = feed(bytes, bytes.length, charset);
    expect(whole.length).toBeGreaterThan(0);
    for (let size = 1; size < bytes.length; size++) expect(feed(bytes, size, charset)).toEqual(whole);
  });

  it('ignores a UTF-8 BOM at the start of the first chunk, even split across chunks', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('mixed-versions.vcf')]);
    for (const size of [1, 2, 3, bytes.length]) expect(contacts(feed(bytes, size)).map((c) => c.formattedName)).toEqual(['Four', 'Two One', 'Three']);
    const bomFirstLine = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n')]);
    expect(contacts(feed(bomFirstLine, 2)).map((c) => c.formattedName)).toEqual(['A']);
  });

  it('emits each contact as soon as its END arrives', () => {
    const reader = createVcardReader({ fallbackCharset: 'utf8' });
    expect(reader.write(Buffer.from('BEGIN:VCARD\r\nFN:A\r\n'))).toEqual([]);
    expect(reader.write(Buffer.from('END:VCARD\r\n')).map((e) => e.kind)).toEqual(['contact']);
    expect(reader.end()).toEqual([]);
  });

  it('reports a non-photo line over the cap as a skip and keeps the rest of the card', () => {
    const big = Buffer.alloc(MAX_LINE_BYTES + 10, 0x61);
    const bytes = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nFN:Big Note\r\nNOTE:'), big, Buffer.from('\r\nTEL:123\r\nEND:VCARD\r\n')]);
    const events = feed(bytes, 64 * 1024);
    expect(skips(events)).toEqual([{ kind: 'skip', line: 3, reason: 'NOTE value longer than 10 MB ignored' }]);
    const [c] = contacts(events);
    expect(c).toMatchObject({ formattedName: 'Big Note', phones: [{ value: '123', types: [] }] });
    expect(c?.note).toBeUndefined();
  });

  it('drops an over-large PHOTO, over the photo cap or over the line cap, and keeps the card', () => {
    for (const size of [3 * 1024 * 1024, MAX_LINE_BYTES + 10]) {
      const photo = Buffer.alloc(size, 0x41);
      const bytes = Buffer.concat([Buffer.from('BEGIN:VCARD\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:'), photo, Buffer.from('\r\nTEL:1\r\nEND:VCARD\r\n')]);
      const events = feed(bytes, 1024 * 1024);
      expect(skips(events)).toEqual([]);
      expect(contacts(events)[0]).toMatchObject({ formattedName: 'Big Photo', phones: [{ value: '1', types: [] }] });
      expect(contacts(events)[0]?.photo).toBeUndefined();
    }
  });

  it('reads a 12 MB line of garbage outside any card without keeping it', () => {
    const reader = createVcardReader({ fallbackCharset: 'utf8' });
    const chunk = Buffer.alloc(1024 * 1024, 0x7a);
    for (let i = 0; i < 12; i++) expect(reader.write(chunk)).toEqual([]);
    expect(reader.end()).toEqual([]);
  });
});

describe('reader/createVcardReader (generated input)', () => {
  const FRAGMENTS = [
    'BEGIN:VCARD', 'begin:vcard', 'END:VCARD', 'VERSION:2.1', 'VERSION:3.0', 'FN:Ann', 'N:Doe;John;;;', 'TEL;CELL:+1 555 0100',
    'TEL;TYPE="work,voice":1', 'item1.TEL:2', 'item1.X-ABLabel:_$!<Mobile>!$_', 'EMAIL;INTERNET:a@b.c', 'NOTE;ENCODING=QUOTED-PRINTABLE:a=3D=',
    'FN;CHARSET=SHIFT_JIS:\u0088\u00c0', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/', ' AAAA', '\tBBBB', '# comment', '', 'garbage without colon',
    'ORG:A\\;B;C', 'PHOTO:data:image/png;base64,iVBORw0KGgo=', 'ADR;LABEL="x^n^\'"', ' :;;street', '=C3=91', 'FN:\u00c3', ' \u00ab',
  ];
  const EOLS = ['\r\n', '\n', '\r', '\r\r\n'];
  const card = fc
    .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...EOLS)), { maxLength: 40 })
    .map((lines) => Buffer.from(lines.map(([l, e]) => l + e).join(''), 'latin1'));
  const run = (bytes: Buffer, cuts: number[]): ImportEvent[] => {
    const reader = createVcardReader({ fallbackCharset: 'utf8' });
    const events: ImportEvent[] = [];
    let at = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      events.push(...reader.write(bytes.subarray(at, cut)));
      at = cut;
    }
    return [...events, ...reader.write(bytes.subarray(at)), ...reader.end()];
  };

  it('never throws and gives the same events for any split of generated cards', () => {
    fc.assert(
      fc.property(card, fc.array(fc.nat(), { maxLength: 6 }), (bytes, raw) => {
        const cuts = raw.map((n) => (bytes.length ? n % bytes.length : 0));
        expect(run(bytes, cuts)).toEqual(run(bytes, []));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes, split anywhere', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(), { maxLength: 4 }), (arr, raw) => {
        const bytes = Buffer.from(arr);
        const cuts = raw.map((n) => (bytes.length ? n % bytes.length : 0));
        expect(run(bytes, cuts)).toEqual(run(bytes, []));
      }),
      { numRuns: 300 },
    );
  });
});
