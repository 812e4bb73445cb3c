import { describe, expect, it } from 'vitest';
import { decodeCaret, parseProperty, type Property } from '../../../../../src/main/contacts/import/vcard/property';

const parse = (s: string): Property => {
  const p = parseProperty(Buffer.from(s, 'utf8').toString('latin1'));
  if (!p) throw new Error(`no property in ${s}`);
  return p;
};

describe('property/parseProperty', () => {
  it('reads group, upper-cased name and the raw value after the first colon', () => {
    const p = parse('item1.tel;type=pref:+1 555: 0100');
    expect(p.group).toBe('item1');
    expect(p.name).toBe('TEL');
    expect(p.value).toBe('+1 555: 0100');
  });

  it('collects vCard 2.1 bare type parameters and bare encodings', () => {
    const p = parse('TEL;CELL;VOICE:123');
    expect(p.types).toEqual(['cell', 'voice']);
    expect(parse('LABEL;QUOTED-PRINTABLE;WORK:x').encoding).toBe('quoted-printable');
    expect(parse('PHOTO;JPEG;BASE64:AAAA').encoding).toBe('base64');
    expect(parse('PHOTO;JPEG;BASE64:AAAA').types).toEqual(['jpeg']);
  });

  it('collects TYPE lists, repeated TYPE parameters and quoted lists', () => {
    expect(parse('TEL;TYPE=work,voice:1').types).toEqual(['work', 'voice']);
    expect(parse('TEL;type=WORK;type=FAX:1').types).toEqual(['work', 'fax']);
    expect(parse('TEL;TYPE="home,pref":1').types).toEqual(['home', 'pref']);
  });

  it('reads ENCODING=b, ENCODING=BASE64, ENCODING=QUOTED-PRINTABLE and CHARSET', () => {
    expect(parse('PHOTO;ENCODING=b;TYPE=JPEG:x').encoding).toBe('base64');
    expect(parse('PHOTO;ENCODING=BASE64:x').encoding).toBe('base64');
    const qp = parse('N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:x');
    expect(qp.encoding).toBe('quoted-printable');
    expect(qp.charset).toBe('SHIFT_JIS');
  });

  it('finds the value after a quoted parameter that contains a colon', () => {
    const p = parse('ADR;LABEL="a: b";TYPE=home:;;street');
    expect(p.params.get('LABEL')).toEqual(['a: b']);
    expect(p.value).toBe(';;street');
  });

  it('decodes RFC 6868 caret escapes in parameter values', () => {
    expect(parse(`ADR;LABEL="1 Main St^nTown^n^'Home^' ^^":x`).params.get('LABEL')).toEqual(['1 Main St\nTown\n"Home" ^']);
    expect(decodeCaret('a^b')).toBe('a^b');
  });

  it('tolerates a line without a colon as a property with an empty value', () => {
    const p = parse('FN');
    expect(p.name).toBe('FN');
    expect(p.value).toBe('');
  });

  it('returns null when there is no name at all', () => {
    expect(parseProperty(':value')).toBeNull();
  });
});
