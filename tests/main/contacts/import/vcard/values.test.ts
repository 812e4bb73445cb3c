import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseProperty } from '../../../../../src/main/contacts/import/vcard/property';
import { decodeQuotedPrintable, splitStructured, structuredValue, textValue, unescapeText } from '../../../../../src/main/contacts/import/vcard/values';

const prop = (head: string, value: Buffer | string) => {
  const p = parseProperty(Buffer.concat([Buffer.from(`${head}:`), Buffer.isBuffer(value) ? value : Buffer.from(value)]).toString('latin1'));
  if (!p) throw new Error('no property');
  return p;
};

describe('values/decodeQuotedPrintable', () => {
  it('decodes =XX in either case and keeps a malformed = as written', () => {
    expect(decodeQuotedPrintable('a=3Db=3dc=ZZ=').toString()).toBe('a=b=c=ZZ=');
  });
});

describe('values/textValue', () => {
  it('decodes quoted-printable in the declared charset', () => {
    expect(textValue(prop('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE', '=C3=91 =C3=91'), 'utf8')).toBe('Ñ Ñ');
    const sjis = iconv.encode('安藤', 'shift_jis');
    const qp = [...sjis].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    expect(textValue(prop('N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE', qp), 'utf8')).toBe('安藤');
  });

  it('decodes raw 8-bit values in the declared charset, else the file fallback', () => {
    expect(textValue(prop('FN;CHARSET=windows-1252', Buffer.from([0x44, 0x6f, 0xeb])), 'utf8')).toBe('Doë');
    expect(textValue(prop('FN', Buffer.from([0x4d, 0xfc, 0x6e])), 'windows-1252')).toBe('Mün');
  });

  it('guesses a value that is not UTF-8 under a UTF-8 fallback (The Bat! ISO-8859-2 QP)', () => {
    expect(textValue(prop('FN;ENCODING=QUOTED-PRINTABLE', 'Piotr Iksi=F1ski'), 'utf8')).toBe('Piotr Iksiński');
  });

  it('unescapes text and normalises CRLF from quoted-printable to LF', () => {
    expect(textValue(prop('NOTE', 'a\\, b\\; c\\nd\\Ne\\\\f\\:g'), 'utf8')).toBe('a, b; c\nd\ne\\f:g');
    expect(textValue(prop('NOTE;ENCODING=QUOTED-PRINTABLE', 'one=0D=0Atwo'), 'utf8')).toBe('one\ntwo');
  });

  it('drops a stray invalid byte in a value declared UTF-8 but keeps the rest', () => {
    expect(textValue(prop('ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE', '=C3=91=80'), 'utf8')).toBe('Ñ');
  });
});

describe('values/splitStructured', () => {
  it('splits on unescaped semicolons only and unescapes each part', () => {
    expect(splitStructured('Doe;John;Richter\\, James;Mr.;Sr.')).toEqual(['Doe', 'John', 'Richter, James', 'Mr.', 'Sr.']);
    expect(splitStructured('A\\;B;C')).toEqual(['A;B', 'C']);
    expect(unescapeText('keep \\x as is')).toBe('keep \\x as is');
  });

  it('splits after decoding, so a Shift_JIS trail byte 0x5C is not an escape', () => {
    const value = Buffer.concat([iconv.encode('ソニー', 'shift_jis'), Buffer.from(';'), iconv.encode('表', 'shift_jis')]);
    expect(structuredValue(prop('ORG;CHARSET=SHIFT_JIS', value), 'utf8')).toEqual(['ソニー', '表']);
  });
});
