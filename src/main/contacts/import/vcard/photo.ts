/**
 * PHOTO in its three shapes: inline base64 (`ENCODING=b` / `BASE64`, 2.1 and 3.0), a `data:`
 * URI (4.0), or an http(s) URL. Other URIs (cid:, file:) cannot be shown and are ignored.
 */
import type { ParsedPhoto } from '../../model';
import type { Property } from './property';
import { textValue } from './values';

const MIME_BY_TYPE: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  pjpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  tiff: 'image/tiff',
};

/** The image type from the first base64 characters (the file's magic number). */
function mimeFromBase64(b64: string): string | null {
  if (b64.startsWith('/9j/')) return 'image/jpeg';
  if (b64.startsWith('iVBORw0KGgo')) return 'image/png';
  if (b64.startsWith('R0lGOD')) return 'image/gif';
  if (b64.startsWith('Qk')) return 'image/bmp';
  if (b64.startsWith('UklGR')) return 'image/webp';
  return null;
}

function mimeFromParams(prop: Property): string | null {
  const mediatype = prop.params.get('MEDIATYPE')?.[0]?.toLowerCase();
  if (mediatype?.startsWith('image/')) return mediatype;
  for (const t of prop.types) {
    if (t.startsWith('image/')) return t;
    const known = MIME_BY_TYPE[t];
    if (known) return known;
  }
  return null;
}

/** `data:` URIs without `;base64` are percent-encoded bytes; a malformed escape stays as written. */
function percentDecoded(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === '%' ? s.slice(i + 1, i + 3) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes);
}

/**
 * The photo, or null when it is absent, not an image we can keep, or its base64 text is over
 * `maxBase64Chars` (the rest of the card is kept either way).
 */
export function parsePhoto(prop: Property, fallbackCharset: string, maxBase64Chars: number): ParsedPhoto | null {
  if (prop.encoding === 'base64') {
    if (prop.value.length > maxBase64Chars * 1.1) return null;
    const b64 = prop.value.replace(/[^A-Za-z0-9+/=]/g, '');
    if (!b64 || b64.length > maxBase64Chars) return null;
    const mime = mimeFromParams(prop) ?? mimeFromBase64(b64) ?? 'application/octet-stream';
    return { kind: 'data', mime, base64: b64 };
  }
  if (prop.value.length > maxBase64Chars * 1.1 + 256) return null;
  const text = textValue(prop, fallbackCharset).trim();
  const data = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(text);
  if (data) {
    const isBase64 = /;base64/i.test(data[2] ?? '');
    const payload = (data[3] ?? '').replace(/\s+/g, '');
    const b64 = isBase64 ? payload : percentDecoded(payload).toString('base64');
    if (!b64 || b64.length > maxBase64Chars) return null;
    const mime = (data[1] || mimeFromBase64(b64) || 'application/octet-stream').toLowerCase();
    return { kind: 'data', mime, base64: b64 };
  }
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'url', url: text };
  return null;
}
