/**
 * The streaming, tolerant vCard 2.1 / 3.0 / 4.0 reader: bytes in (chunks split anywhere),
 * `ReadEvent`s out. Memory is bounded by the current card: a line over `MAX_LINE_BYTES`
 * keeps only its head (an over-large PHOTO is dropped silently, any other property is reported
 * as a skip), and a photo over `MAX_PHOTO_BASE64_CHARS` is dropped with the card kept.
 *
 * Why hand-written: the well-kept libraries were run on every corpus vCard (the 31 .vcf files
 * in ../shared/corpus/files) and none reads them all (details in docs/importers.md):
 * - ical.js 2.2: fails 21 of 31 files. It throws on every vCard 2.1 bare parameter
 *   (`TEL;CELL:`, `EMAIL;INTERNET:`), on `#` comment lines, on quoted-printable soft breaks, on
 *   Evolution's bare `FN` and on unfolded multi-line values; reads one card out of Android's
 *   nested file; leaves `\r` on iPhone's CR CR LF lines; keeps `\;` escapes in text; and
 *   unfolds after decoding, so kcontacts_vcard9's fold inside a UTF-8 sequence becomes U+FFFD.
 * - vcf (node-vcf) 2.1: fails 21 of 31. No quoted-printable or CHARSET decoding (Android,
 *   Outlook, The Bat!, kcontacts_vcard10 come out as `=C3=91...`), text escapes kept (`\,`,
 *   `\n`), windows-1252 text garbled, and it throws on LF-only files ("Unsupported version
 *   ARD"), nested cards and files without VERSION.
 * - vcard4 4.0: fails 29 of 31. It accepts only strictly valid vCard 4.0 with CRLF: every
 *   2.1 and 3.0 file throws, and so do the 4.0 Android file (unknown SORT-AS parameter) and
 *   the mixed-version file; it reads only thunderbird_export.vcf and ezvcard_issue114.vcf.
 * Beyond the failures, none of them streams: each needs the whole file as one decoded string,
 * so none can unfold bytes before decoding or honour a per-property CHARSET, and none bounds
 * memory by the record.
 */
import { sniffEncoding } from '../encoding';
import type { ImportEvent } from '../events';
import { CardAssembler, type UnreadProperties } from './cards';
import { LogicalLineReader } from './lines';
import { MAX_VALUES_PER_CONTACT } from '../caps';
import iconv from 'iconv-lite';

export type { ImportEvent, ReadEvent } from '../events';
export { UnreadProperties } from './cards';

/** A single logical line longer than this is not kept whole (10 MB). */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;
/** Inline photos whose base64 text is longer than this are dropped (about 1.5 MB of image). */
export const MAX_PHOTO_BASE64_CHARS = 2 * 1024 * 1024;
/** Numbers and emails kept per card (the record cap, applied while reading to bound memory). */
export const MAX_VALUES_PER_CARD = MAX_VALUES_PER_CONTACT;
const HEAD_BYTES = 4096;
const MAX_NESTING = 8;

export interface VcardReader {
  /** Feeds the next chunk; returns the contacts and skips it completed. */
  write(chunk: Buffer): ImportEvent[];
  /** Flushes what is buffered; reports a card left open as a skip, and names the properties no field kept. */
  end(): ImportEvent[];
}

export interface VcardReaderOptions {
  /**
   * Charset for values without a CHARSET parameter: the file's sniffed encoding
   * (`sniffEncoding`), or `utf8` when the caller transcoded UTF-16 to UTF-8 first.
   */
  fallbackCharset: string;
  /** Where to count the properties no field keeps; given, `end()` leaves their notice to the caller. */
  unread?: UnreadProperties;
}

/**
 * Creates a reader; feed it the file's bytes in chunks of any size (a UTF-8 BOM is skipped;
 * UTF-16 must be transcoded to UTF-8 first).
 */
export function createVcardReader(options: VcardReaderOptions): VcardReader {
  const lines = new LogicalLineReader({ maxLineBytes: MAX_LINE_BYTES, headBytes: HEAD_BYTES });
  const cards = new CardAssembler({
    fallbackCharset: options.fallbackCharset,
    maxPhotoBase64Chars: MAX_PHOTO_BASE64_CHARS,
    maxValuesPerCard: MAX_VALUES_PER_CARD,
    maxNesting: MAX_NESTING,
    maxLineBytes: MAX_LINE_BYTES,
    unread: options.unread,
  });
  return {
    write(chunk) {
      const events: ImportEvent[] = [];
      for (const line of lines.push(chunk)) cards.line(line, events);
      return events;
    },
    end() {
      const events: ImportEvent[] = [];
      for (const line of lines.end()) cards.line(line, events);
      cards.end(events);
      return events;
    },
  };
}

/**
 * Reads a whole file held in memory (tests, small files): sniffs the encoding, transcodes
 * UTF-16 to UTF-8 as the import pipeline does, strips a BOM, and reads.
 */
export function readVcardBuffer(bytes: Buffer, options: Pick<VcardReaderOptions, 'unread'> = {}): ImportEvent[] {
  const { encoding, bom } = sniffEncoding(bytes.subarray(0, 64 * 1024));
  const body = bytes.subarray(bom);
  const utf16 = encoding === 'utf16le' || encoding === 'utf16be';
  const input = utf16 ? Buffer.from(iconv.decode(body, encoding), 'utf8') : body;
  const reader = createVcardReader({ fallbackCharset: utf16 ? 'utf8' : encoding, unread: options.unread });
  return [...reader.write(input), ...reader.end()];
}
