/**
 * The binary fixtures (Shift_JIS, UTF-16, windows-1252) built from readable text here, so the
 * repository holds no opaque files and each test states what the bytes say.
 */
import iconv from 'iconv-lite';

export const JAPANESE_CARD =
  'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:安藤;ロイド;;;\r\nFN;CHARSET=SHIFT_JIS:安藤 ロイド\r\n' +
  'ORG;CHARSET=SHIFT_JIS:ソニー表示;開発部\r\nTEL;CELL:090-1234-5678\r\nEND:VCARD\r\n';

/** A Japanese feature-phone card: raw Shift_JIS bytes with CHARSET=SHIFT_JIS. */
export const shiftJisCard = (): Buffer => iconv.encode(JAPANESE_CARD, 'shift_jis');

/** The same card without CHARSET parameters: the file's sniffed encoding must be used. */
export const shiftJisUndeclared = (): Buffer =>
  iconv.encode(JAPANESE_CARD.replace(/;CHARSET=SHIFT_JIS/g, '') + 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:日本語のテキストです;山田太郎;;;\r\nTEL:03-1234-5678\r\nEND:VCARD\r\n', 'shift_jis');

export const LATIN_CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jürgen;;;\r\nFN:Jürgen Müller\r\nORG:Bäckerei Größe\r\nTEL;TYPE=WORK:+49 30 1234\r\nEND:VCARD\r\n';

/** windows-1252 bytes with no CHARSET anywhere (Outlook and old Windows tools). */
export const windows1252Card = (): Buffer => iconv.encode(LATIN_CARD, 'windows-1252');

export const UNICODE_CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ĳsselmeer;Ǽgean;;;\r\nFN:Ǽgean Ĳsselmeer\r\nTEL:+31 20 555 0100\r\nEND:VCARD\r\n';

/** UTF-16 in either byte order, with or without a BOM. */
export function utf16Card(order: 'utf16le' | 'utf16be', bom: boolean): Buffer {
  const body = iconv.encode(UNICODE_CARD, order);
  const mark = order === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}
