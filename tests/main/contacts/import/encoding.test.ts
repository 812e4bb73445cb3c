import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createTextDecoder, decodeBytes, resolveCharset, sniffEncoding } from '../../../../src/main/contacts/import/encoding';

const text = 'BEGIN:VCARD\r\nFN:Jürgen Müller\r\nEND:VCARD\r\n';

describe('encoding/sniffEncoding', () => {
  it('recognises the UTF-8, UTF-16LE and UTF-16BE byte-order marks', () => {
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ encoding: 'utf8', bom: 3 });
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))).toEqual({ encoding: 'utf16le', bom: 2 });
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]))).toEqual({ encoding: 'utf16be', bom: 2 });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(sniffEncoding(iconv.encode(text, 'utf16be'))).toEqual({ encoding: 'utf16be', bom: 0 });
    expect(sniffEncoding(iconv.encode(text, 'utf16le'))).toEqual({ encoding: 'utf16le', bom: 0 });
  });

  it('says utf8 for valid UTF-8, even when the head ends mid-character or a fold splits one', () => {
    const bytes = Buffer.from(text);
    expect(sniffEncoding(bytes).encoding).toBe('utf8');
    const cut = bytes.subarray(0, bytes.indexOf(0xbc) /* second byte of ü */);
    expect(sniffEncoding(cut).encoding).toBe('utf8');
    const folded = Buffer.concat([Buffer.from('FN:J'), Buffer.from([0xc3]), Buffer.from('\r\n '), Buffer.from([0xbc]), Buffer.from('rgen\r\n')]);
    expect(sniffEncoding(folded).encoding).toBe('utf8');
  });

  it('falls back to chardet for 8-bit text: Shift_JIS and windows-1252', () => {
    const sjis = iconv.encode('BEGIN:VCARD\r\nN:安藤ロイド;;;;\r\nNOTE:日本語のメモです。よろしくお願いします。\r\nEND:VCARD\r\n', 'shift_jis');
    expect(sniffEncoding(sjis).encoding).toBe('shift_jis');
    const latin = iconv.encode('N:München;Jürgen;;;\r\nNOTE:Straße in Köln, Grüße aus Düsseldorf\r\n', 'windows-1252');
    expect(sniffEncoding(latin).encoding).toBe('windows-1252');
  });
});

describe('encoding/resolveCharset', () => {
  it('maps the labels exporters write to iconv-lite names and rejects unknown ones', () => {
    expect(resolveCharset('SHIFT_JIS')).toBe('shift_jis');
    expect(resolveCharset('x-sjis')).toBe('shift_jis');
    expect(resolveCharset('UTF-8')).toBe('utf8');
    expect(resolveCharset('us-ascii')).toBe('utf8');
    expect(resolveCharset('ISO-8859-1')).toBe('windows-1252');
    expect(resolveCharset('"windows-1252"')).toBe('windows-1252');
    expect(resolveCharset('klingon-8')).toBeNull();
    expect(resolveCharset(undefined)).toBeNull();
  });
});

describe('encoding/decodeBytes', () => {
  it('decodes in the declared charset', () => {
    expect(decodeBytes(iconv.encode('安藤ロイド', 'shift_jis'), 'SHIFT_JIS')).toBe('安藤ロイド');
    expect(decodeBytes(Buffer.from([0x44, 0x6f, 0xeb]), 'windows-1252')).toBe('Doë');
    expect(decodeBytes(Buffer.from([0x80]), 'ISO-8859-1')).toBe('€');
  });

  it('never throws on an unknown charset: UTF-8 when valid, else a guess, else windows-1252', () => {
    expect(decodeBytes(Buffer.from('Zoë'), 'no-such-charset')).toBe('Zoë');
    expect(decodeBytes(Buffer.from([0x5a, 0x6f, 0xeb]), 'no-such-charset')).toMatch(/^Zo.$/);
    expect(decodeBytes(Buffer.from([0x44, 0x6f, 0xeb]), undefined)).toHaveLength(3);
  });
});

describe('encoding/createTextDecoder', () => {
  it('decodes chunks split inside a multi-byte character', () => {
    for (const encoding of ['utf8', 'utf16le', 'shift_jis']) {
      const sample = encoding === 'shift_jis' ? '安藤 Jurgen ロイド ｶﾅ' : '安藤 Jürgen ロイド';
      const bytes = iconv.encode(sample, encoding);
      for (let cut = 1; cut < bytes.length; cut++) {
        const decoder = createTextDecoder(encoding);
        const out = decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut)) + decoder.end();
        expect(out, `${encoding} cut at ${cut}`).toBe(sample);
      }
    }
  });

  it('decodes an unknown encoding name as UTF-8 instead of throwing', () => {
    const decoder = createTextDecoder('bogus');
    expect(decoder.write(Buffer.from('é')) + decoder.end()).toBe('é');
  });
});
