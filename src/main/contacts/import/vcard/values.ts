/**
 * Property value bytes → text: quoted-printable, then the declared charset (or the file's
 * fallback), then vCard text escapes. Structured values (N, ORG) are split on unescaped `;`
 * after decoding, never before, because Shift_JIS trail bytes include `\`.
 */
import { decodeBytes, isValidUtf8, resolveCharset } from '../encoding';
import type { Property } from './property';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Decodes quoted-printable (a latin1 byte string); a malformed `=` sequence is kept as written. */
export function decodeQuotedPrintable(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d /* = */) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
      // Soft line breaks left inside the value (`=` CRLF) disappear.
      const next = text[i + 1];
      if (next === '\r' || next === '\n') {
        i += next === '\r' && text[i + 2] === '\n' ? 2 : 1;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** Printable ASCII, tab, CR, LF: text that decodes the same in every charset we meet. */
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * The value as text, not unescaped. A declared charset wins; otherwise the file's fallback,
 * except that bytes which are not UTF-8 under a UTF-8 fallback are guessed (The Bat! writes
 * ISO-8859-2 quoted-printable with no CHARSET).
 */
export function rawText(prop: Property, fallbackCharset: string): string {
  const qp = prop.encoding === 'quoted-printable';
  // Fast path, nearly every value of a modern export: plain ASCII needs no decoding at all.
  if (!qp && ASCII.test(prop.value)) return prop.value;
  const bytes = qp ? decodeQuotedPrintable(prop.value) : Buffer.from(prop.value, 'latin1');
  const declared = resolveCharset(prop.charset);
  if (declared) return stripReplacement(decodeBytes(bytes, declared));
  const fallback = resolveCharset(fallbackCharset) ?? 'utf8';
  if (fallback === 'utf8') return isValidUtf8(bytes) ? bytes.toString('utf8') : decodeBytes(bytes, null);
  return decodeBytes(bytes, fallback);
}

/** Declared-UTF-8 values with a stray byte (Android's `=80`) lose the byte, not the value. */
const stripReplacement = (s: string): string => (s.includes('\uFFFD') ? s.replace(/\uFFFD/g, '') : s);

/** vCard text escapes: `\n` `\N` newline, `\,` `\;` `\:` `\\`; an unknown escape stays as written. */
export function unescapeText(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\([nN,;:\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on `sep` not preceded by an escaping backslash, then unescapes each component. */
function splitUnescaped(s: string, sep: ';' | ','): string[] {
  if (!s.includes('\\')) return s.split(sep);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === sep) {
      out.push(unescapeText(s.slice(start, i)));
      start = i + 1;
    }
  }
  out.push(unescapeText(s.slice(start)));
  return out;
}

/** The components of a structured value (N, ORG, ADR). */
export const splitStructured = (s: string): string[] => splitUnescaped(s, ';');

/** The items of a text list (CATEGORIES). */
export const splitList = (s: string): string[] => splitUnescaped(s, ',');

/** The value as plain text. */
export function textValue(prop: Property, fallbackCharset: string): string {
  // Outlook's quoted-printable notes carry =0D=0A; one newline convention for the app.
  return unescapeText(rawText(prop, fallbackCharset)).replace(/\r\n?/g, '\n');
}

/** The value's structured components (N, ORG), each unescaped. */
export function structuredValue(prop: Property, fallbackCharset: string): string[] {
  return splitStructured(rawText(prop, fallbackCharset));
}
