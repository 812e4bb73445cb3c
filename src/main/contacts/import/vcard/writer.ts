/**
 * Contact → vCard 3.0 text (RFC 2426): CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 sequence, text escaped. Reading the output with `createVcardReader` gives
 * back the same fields; phone types are written as tokens that `phoneTypeFromLabels` maps
 * back to the same widget type (except `unknown` and `contact`, which read back as `phone`).
 */
import type { PhoneType, WritableContact } from '../../../../shared/contact';

export interface WriteOptions {
  /** The contact's stable key (its source key or id), written as UID. */
  uid?: string;
}

const TYPE_TOKENS: Record<PhoneType, string | null> = {
  business: 'WORK,VOICE',
  home: 'HOME,VOICE',
  mobile: 'CELL,VOICE',
  fax: 'FAX',
  company: 'MAIN',
  direct: 'X-DIRECT',
  extension: 'X-EXTENSION',
  other: 'X-OTHER',
  phone: 'VOICE',
  unknown: null,
  contact: null,
};

const FOLD_AT = 75;

/** Escapes a text value: backslash, newline, comma and semicolon. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** Folds one content line at 75 octets, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= FOLD_AT) return line;
  const pieces: string[] = [];
  let start = 0;
  let limit = FOLD_AT;
  while (bytes.length - start > limit) {
    let end = start + limit;
    while (end > start + 1 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    pieces.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = FOLD_AT - 1; // the leading space of a continuation counts
  }
  pieces.push(bytes.subarray(start).toString('utf8'));
  return pieces.join('\r\n ');
}

function photoLine(avatar: string): string | null {
  const data = /^data:(image\/[a-z0-9.+-]+);base64,(.*)$/is.exec(avatar);
  if (data) {
    const subtype = (data[1] ?? '').slice('image/'.length).toUpperCase();
    return `PHOTO;ENCODING=b;TYPE=${subtype}:${(data[2] ?? '').replace(/\s+/g, '')}`;
  }
  if (/^https?:\/\//i.test(avatar)) return `PHOTO;VALUE=uri:${avatar}`;
  return null;
}

/** One contact as a vCard 3.0 card, ending with CRLF. */
export function writeVcard(contact: WritableContact, options: WriteOptions = {}): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:3.0'];
  if (options.uid) lines.push(`UID:${escapeText(options.uid)}`);
  lines.push(`FN:${escapeText(contact.displayName)}`);
  lines.push(`N:${escapeText(contact.familyName ?? '')};${escapeText(contact.givenName ?? '')};;;`);
  if (contact.company) lines.push(`ORG:${escapeText(contact.company)}`);
  if (contact.jobTitle) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  let group = 0;
  for (const phone of contact.phones) {
    const tokens = TYPE_TOKENS[phone.type];
    const params = tokens ? `;TYPE=${tokens}` : '';
    if (phone.label) {
      group++;
      lines.push(`item${group}.TEL${params}:${escapeText(phone.raw)}`);
      lines.push(`item${group}.X-ABLabel:${escapeText(phone.label)}`);
    } else lines.push(`TEL${params}:${escapeText(phone.raw)}`);
  }
  for (const email of contact.emails) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(email)}`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  const photo = contact.avatar ? photoLine(contact.avatar) : null;
  if (photo) lines.push(photo);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
