/**
 * Which reader a file needs, decided from the structure of its first bytes: CSV when the first
 * line is a header row the CSV reader recognises, even if a cell or a pasted card further down
 * holds `BEGIN:VCARD` (the CSV reader then reads those cards and says so); otherwise vCard when
 * `BEGIN:VCARD` appears in the decoded head; otherwise CSV when the head is text (the CSV reader
 * then insists on a recognisable header); and one clear `not-an-address-book` error for
 * everything else (empty files, images, spreadsheets and archives, binary data). The extension
 * only improves the error message: content decides, since exporters name files freely.
 */
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { fail, ok, type Result } from '../../../shared/result';
import { createTextDecoder, sniffEncoding, type SniffedEncoding } from './encoding';
import { mapHeader } from './csv/headers';
import { detectDelimiter } from './csv/reader';

export type AddressBookFormat = 'vcard' | 'csv';

export interface DetectedFormat {
  format: AddressBookFormat;
  encoding: SniffedEncoding;
  /** What the report must say about the file's structure (a vCard file with other lines in it). */
  notice?: string;
}

/** How many bytes of the head `detectFormat` wants to see. */
export const HEAD_BYTES = 64 * 1024;

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive or spreadsheet (xlsx/ods); export it as CSV first'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an Office document (xls); export it as CSV first'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
];

const startsWith = (head: Buffer, magic: number[]): boolean => magic.every((b, i) => head[i] === b);

/** Text has almost no C0 control characters besides tab, CR, LF (and form feed in old files). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls += 1;
  }
  return controls > sample.length * 0.05 || sample.includes('\u0000');
}

/** True when the text's first line is a CSV header row with a column naming a contact. */
function startsWithCsvHeader(text: string): boolean {
  const first = /^[^\r\n]*/.exec(text.replace(/^[\r\n\s]+/, ''))?.[0] ?? '';
  if (!first) return false;
  try {
    const rows = parse(first, { delimiter: detectDelimiter(first), relax_quotes: true, relax_column_count: true, to_line: 1 }) as string[][];
    return rows[0] !== undefined && mapHeader(rows[0]) !== null;
  } catch {
    return false;
  }
}

/**
 * Lines of a vCard file's head outside any card (CSV rows pasted between cards, notes): the vCard
 * reader passes over them, so the report says how many there were. Only the head is looked at.
 */
function outsideCards(text: string, complete: boolean): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  if (!complete) lines.pop(); // cut off mid-line
  let depth = 0;
  let count = 0;
  let first = 0;
  lines.forEach((line, i) => {
    if (/^\s*BEGIN:VCARD\s*$/i.test(line)) depth += 1;
    else if (depth === 0 && line.trim() !== '') {
      count += 1;
      first ||= i + 1;
    } else if (/^\s*END:VCARD\s*$/i.test(line)) depth = Math.max(0, depth - 1);
  });
  if (!count) return undefined;
  const what = count === 1 ? 'line' : 'lines';
  return `the vCard file also holds ${count} ${what} outside any vCard${complete ? '' : ' in its first 64 KB'} (first at line ${first}); ${count === 1 ? 'it was' : 'they were'} not read`;
}

/** Decides the format from the head of the file (up to `HEAD_BYTES`) and its path. */
export function detectFormat(head: Buffer, path: string): Result<DetectedFormat> {
  const ext = extname(path).toLowerCase();
  const notBook = (why: string): Result<DetectedFormat> =>
    fail('not-an-address-book', `${path}: not an address book (${why})`);
  for (const [magic, what] of MAGIC) if (startsWith(head, magic)) return notBook(`the file is ${what}`);
  const encoding = sniffEncoding(head);
  const decoder = createTextDecoder(encoding.encoding);
  const text = decoder.write(head.subarray(encoding.bom)).replace(/^\uFEFF/, '');
  if (text.trim() === '') return notBook('the file is empty');
  if (looksBinary(text)) return notBook('the file is binary data, not text');
  if (/BEGIN:VCARD/i.test(text) && !startsWithCsvHeader(text)) {
    const notice = outsideCards(text, head.length < HEAD_BYTES);
    return ok(notice ? { format: 'vcard', encoding, notice } : { format: 'vcard', encoding });
  }
  if (ext === '.vcf' || ext === '.vcard') return notBook('a .vcf file without any BEGIN:VCARD');
  return ok({ format: 'csv', encoding });
}
