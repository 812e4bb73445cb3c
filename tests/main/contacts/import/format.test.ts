import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src/main/contacts/import/format';

const detect = (bytes: Buffer | string, path = 'file.txt') => detectFormat(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), path);

describe('format/detectFormat', () => {
  it('recognises vCard by content whatever the extension, also in UTF-16', () => {
    expect(detect('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n', 'export.csv')).toMatchObject({ ok: true, value: { format: 'vcard' } });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('begin:vcard\r\n', 'utf16le')]);
    expect(detect(utf16)).toMatchObject({ ok: true, value: { format: 'vcard', encoding: { encoding: 'utf16le', bom: 2 } } });
  });

  it('takes a file whose first line is a CSV header row as CSV, even when vCards follow', () => {
    const mixed = 'Name,Phone,Email\r\nRow,+1 212 555 0101,a@example.com\r\nBEGIN:VCARD\r\nFN:Pasted\r\nEND:VCARD\r\n';
    expect(detect(mixed, 'book.csv')).toMatchObject({ ok: true, value: { format: 'csv' } });
    expect(detect('Name,vCard\r\nA,"BEGIN:VCARD\r\nEND:VCARD"\r\n')).toMatchObject({ ok: true, value: { format: 'csv' } });
    // A first line that is no CSV header leaves the decision to BEGIN:VCARD, as before.
    expect(detect('exported by Foo 1.0\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n')).toMatchObject({ ok: true, value: { format: 'vcard' } });
  });

  it('takes other text as CSV', () => {
    expect(detect('Name,Phone\nA,1\n', 'a.csv')).toMatchObject({ ok: true, value: { format: 'csv' } });
  });

  it('refuses empty files, images, spreadsheets and binary data with one not-an-address-book error', () => {
    const cases: Array<[Buffer | string, RegExp]> = [
      ['', /empty/],
      ['  \r\n ', /empty/],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), /JPEG/],
      [Buffer.from('PK\x03\x04rest', 'latin1'), /spreadsheet/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /xls/],
      [Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 31) % 256)), /binary/],
    ];
    for (const [bytes, message] of cases) {
      const r = detect(bytes, 'x.csv');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('not-an-address-book');
        expect(r.error.message).toMatch(message);
      }
    }
    expect(detect('just words', 'book.vcf')).toMatchObject({ ok: false, error: { code: 'not-an-address-book' } });
  });
});
