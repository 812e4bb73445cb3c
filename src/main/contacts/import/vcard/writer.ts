/**
 * Contact → vCard 3.0 text (RFC 2426): CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 sequence, text escaped. Reading the output with `createVcardReader` gives
 * back the same fields; phone types are written as tokens that `phoneTypeFromLabels` maps
 * back to the same widget type (except `unknown` and `contact`, which read back as `phone`).
 * The extra fields are written the way Apple and Google write them (labels in `itemN.X-ABLabel`,
 * dates other than the birthday as `X-ABDATE`), which the reader maps back to the same values.
 */
import type { ContactDate, ContactExtras, PhoneType, PostalAddress, WritableContact } from '../../../../shared/contact';
import { isCalendarDate } from '../dates';

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

/** `home` and `work` are vCard types; any other word is written as the group's label. */
const typeParam = (type: string | null): { params: string; label: string | null } =>
  type === 'home' || type === 'work' ? { params: `;TYPE=${type.toUpperCase()}`, label: null } : { params: '', label: type };

/** A date's value: as a date when it is one, else as text. */
const dateValue = (d: ContactDate): string => (isCalendarDate(d.value) ? `:${d.value.replace(/^--(\d\d)-/, '--$1')}` : `;VALUE=text:${escapeText(d.value)}`);

const ADR_PARTS = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country'] as const;

function writeExtras(
  c: Partial<ContactExtras>,
  lines: string[],
  grouped: (property: string, label: string | null) => void,
  nextGroup: () => number,
): void {
  if (c.nickname) lines.push(`NICKNAME:${escapeText(c.nickname)}`);
  if (c.phoneticGivenName) lines.push(`X-PHONETIC-FIRST-NAME:${escapeText(c.phoneticGivenName)}`);
  if (c.phoneticFamilyName) lines.push(`X-PHONETIC-LAST-NAME:${escapeText(c.phoneticFamilyName)}`);
  for (const d of c.dates ?? []) {
    if (d.kind === 'birthday') lines.push(`BDAY${dateValue(d)}`);
    else grouped(`X-ABDATE${dateValue(d)}`, d.kind === 'anniversary' ? '_$!<Anniversary>!$_' : d.label);
  }
  for (const a of c.addresses ?? []) writeAddress(a, lines, nextGroup);
  for (const u of c.urls ?? []) {
    const { params, label } = typeParam(u.type);
    grouped(`URL${params}:${escapeText(u.url)}`, label);
  }
  if (c.categories?.length) lines.push(`CATEGORIES:${c.categories.map(escapeText).join(',')}`);
}

/** ADR, and its LABEL in the same group so the reader puts them together again. */
function writeAddress(a: PostalAddress, lines: string[], nextGroup: () => number): void {
  const { params, label } = typeParam(a.type);
  const value = `ADR${params}:${ADR_PARTS.map((k) => escapeText(a[k])).join(';')}`;
  if (label === null && a.label === undefined) return void lines.push(value);
  const g = `item${nextGroup()}.`;
  lines.push(g + value);
  if (label !== null) lines.push(`${g}X-ABLabel:${escapeText(label)}`);
  if (a.label !== undefined) lines.push(`${g}LABEL${params}:${escapeText(a.label)}`);
}

/** One contact as a vCard 3.0 card, ending with CRLF. */
export function writeVcard(contact: WritableContact, options: WriteOptions = {}): string {
  const lines: string[] = ['BEGIN:VCARD', 'VERSION:3.0'];
  if (options.uid) lines.push(`UID:${escapeText(options.uid)}`);
  lines.push(`FN:${escapeText(contact.displayName)}`);
  lines.push(`N:${escapeText(contact.familyName ?? '')};${escapeText(contact.givenName ?? '')};;;`);
  const units = contact.organizationUnits ?? [];
  if (contact.company || units.length) lines.push(`ORG:${[contact.company ?? '', ...units].map(escapeText).join(';')}`);
  if (contact.jobTitle) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  let group = 0;
  /** A property in a group of its own, with the group's label when there is one. */
  const grouped = (property: string, label: string | null): void => {
    if (label === null) return void lines.push(property);
    group++;
    lines.push(`item${group}.${property}`, `item${group}.X-ABLabel:${escapeText(label)}`);
  };
  for (const phone of contact.phones) {
    const tokens = TYPE_TOKENS[phone.type];
    const params = tokens ? `;TYPE=${tokens}` : '';
    grouped(`TEL${params}:${escapeText(phone.raw)}`, phone.label || null);
  }
  for (const email of contact.emails) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(email)}`);
  writeExtras(contact, lines, grouped, () => ++group);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  const photo = contact.avatar ? photoLine(contact.avatar) : null;
  if (photo) lines.push(photo);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
