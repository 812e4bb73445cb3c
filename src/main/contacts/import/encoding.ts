/**
 * Byte → text for every importer. Address books arrive as UTF-8 (with or without BOM),
 * UTF-16 (with or without BOM), or an 8-bit / double-byte legacy charset with nothing declared;
 * vCard 2.1 also declares charsets per property. Decoding is iconv-lite's, detection of the
 * 8-bit rest is chardet's; what is here is only the order of the checks and the aliases.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface SniffedEncoding {
  /** `utf8`, `utf16le`, `utf16be`, or an iconv-lite charset name such as `windows-1252`. */
  encoding: 'utf8' | 'utf16le' | 'utf16be' | string;
  /** Length of the byte-order mark to skip (0 when there is none). */
  bom: number;
}

/** Streaming decoder: `write` may be fed chunks split anywhere, even mid-character. */
export interface TextDecoderStream {
  write(chunk: Buffer): string;
  end(): string;
}

/** Used when nothing else fits: a superset of ISO-8859-1 that never fails to decode. */
export const LEGACY_FALLBACK = 'windows-1252';

/** The charset labels exporters write, mapped to what iconv-lite knows. */
const ALIASES: Record<string, string> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  'us-ascii': 'utf8',
  ascii: 'utf8',
  // WHATWG: ISO-8859-1 and ASCII labels mean windows-1252; exporters write one meaning the other.
  'iso-8859-1': LEGACY_FALLBACK,
  'iso8859-1': LEGACY_FALLBACK,
  latin1: LEGACY_FALLBACK,
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'utf-16': 'utf16be',
};

/** Normalises a declared or detected charset name to one iconv-lite can decode, or null. */
export function resolveCharset(charset: string | undefined | null): string | null {
  if (!charset) return null;
  const known = resolved.get(charset);
  if (known !== undefined) return known;
  const key = charset.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const name = ALIASES[key] ?? key;
  const result = iconv.encodingExists(name) ? name : null;
  // Bounded: a hostile file could declare endless made-up charsets.
  if (resolved.size < 256) resolved.set(charset, result);
  return result;
}
/** Charsets are declared on nearly every line of some files; resolve each label once. */
const resolved = new Map<string, string | null>();

/** True when `head` is valid UTF-8, allowing a sequence cut off at its end. */
function isUtf8Head(head: Buffer): boolean {
  if (isUtf8(head)) return true;
  for (let cut = 1; cut <= 3 && cut < head.length; cut++) {
    const lead = head[head.length - cut] ?? 0;
    if (lead >= 0xc0) return isUtf8(head.subarray(0, head.length - cut));
    if ((lead & 0xc0) !== 0x80) return false;
  }
  return false;
}

/** vCard folds (line end + space/tab) may split a UTF-8 sequence; judge the text without them. */
function withoutFolds(head: Buffer): Buffer {
  return Buffer.from(head.toString('latin1').replace(/\r?\n[ \t]|\r[ \t]/g, ''), 'latin1');
}

/** UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. */
function utf16ByZeros(head: Buffer): 'utf16le' | 'utf16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf16be';
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf16le';
  return null;
}

/**
 * Guesses the encoding of a file from its first bytes (pass 64 KB or so): BOM, then the zero
 * pattern of BOM-less UTF-16, then UTF-8 validity, then chardet for 8-bit and double-byte
 * charsets, then windows-1252.
 */
export function sniffEncoding(head: Buffer): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  const utf16 = utf16ByZeros(head);
  if (utf16) return { encoding: utf16, bom: 0 };
  if (isUtf8Head(head) || isUtf8Head(withoutFolds(head))) return { encoding: 'utf8', bom: 0 };
  const detected = resolveCharset(chardet.detect(head));
  const encoding = detected && !detected.startsWith('utf') ? detected : LEGACY_FALLBACK;
  return { encoding, bom: 0 };
}

/** A streaming decoder for `encoding` (unknown names decode as UTF-8). */
export function createTextDecoder(encoding: string): TextDecoderStream {
  const decoder = iconv.getDecoder(resolveCharset(encoding) ?? 'utf8');
  return {
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? '',
  };
}

/**
 * Decodes one value in a declared charset. An unknown or missing charset falls back to
 * UTF-8 when the bytes are valid UTF-8, else to chardet's guess, else windows-1252; it never throws.
 */
export function decodeBytes(bytes: Buffer, charset: string | undefined | null): string {
  const name = resolveCharset(charset);
  if (name === 'utf8') return bytes.toString('utf8');
  if (name) return iconv.decode(bytes, name);
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const guessed = resolveCharset(chardet.detect(bytes));
  return iconv.decode(bytes, guessed && !guessed.startsWith('utf') ? guessed : LEGACY_FALLBACK);
}

/** True when the bytes are valid UTF-8 (re-exported so readers need not import node:buffer). */
export function isValidUtf8(bytes: Buffer): boolean {
  return isUtf8(bytes);
}
