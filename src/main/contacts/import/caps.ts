/**
 * Per-record caps: how long one value and how many numbers and emails one contact may have.
 * A file is untrusted input; without these one card with twenty 9 MB `TEL` values took 1.4 GB
 * of memory and grew the database by a gigabyte, and every widget reply carrying such a contact
 * grew with it. The caps are far above anything a person writes, so they only ever cut garbage,
 * and every cut is reported with the record's line (`trimmed` in the import report).
 *
 * A number or an email over its cap is dropped, not cut: a shortened number would dial someone
 * else. Text (names, notes) is cut to the cap. A photo URL over its cap is dropped.
 */
import type { ContactDate, PostalAddress } from '../../../shared/contact';
import type { ParsedContact } from '../model';

/** Names, company, department, job title, UID. */
export const MAX_NAME_CHARS = 1024;
/** A phone number as written, extension and punctuation included. */
export const MAX_NUMBER_CHARS = 100;
/** RFC 5321 allows 254 characters in a path; a little more for display forms. */
export const MAX_EMAIL_CHARS = 320;
/** One contact's notes. */
export const MAX_NOTE_CHARS = 100_000;
/** An http(s) photo URL; longer ones are not image links a person wrote. */
export const MAX_PHOTO_URL_CHARS = 2048;
/** Numbers, and separately emails, kept per contact. */
export const MAX_VALUES_PER_CONTACT = 1000;
/** Each piece of the extra fields' text: a nickname, a category, an address line, a date as written. */
export const MAX_EXTRA_CHARS = 1024;
/** A website; a longer one is dropped, not cut (a cut URL leads somewhere else). */
export const MAX_URL_CHARS = 2048;
/** Dates, addresses, URLs, categories and organisation units kept per contact, each. */
export const MAX_EXTRA_VALUES = 100;
/**
 * Raw bytes that can decode to at most `chars` characters: quoted-printable UTF-8 takes up to
 * 12 bytes per character. Values are cut to this before decoding, so decoding is bounded too.
 */
export const rawBytesFor = (chars: number): number => chars * 12;

const count = (n: number): string => n.toLocaleString('en-US');

const NAME_FIELDS = [
  ['formattedName', 'name'],
  ['givenName', 'given name'],
  ['familyName', 'family name'],
  ['middleName', 'middle name'],
  ['prefix', 'name prefix'],
  ['suffix', 'name suffix'],
  ['organization', 'company'],
  ['department', 'department'],
  ['title', 'job title'],
  ['uid', 'UID'],
] as const;

/** `text` cut to `max` characters, noting the cut in `trimmed`. */
export function capText(text: string, max: number, what: string, trimmed: string[]): string {
  if (text.length <= max) return text;
  trimmed.push(`${what} of ${count(text.length)} characters cut to ${count(max)}`);
  return text.slice(0, max);
}

/** Notes the values dropped from one list: too long, and beyond the count cap. */
export function noteDropped(what: string, tooLong: number, maxChars: number, beyond: number, trimmed: string[]): void {
  if (tooLong) trimmed.push(`${count(tooLong)} ${what} longer than ${count(maxChars)} characters dropped`);
  if (beyond) trimmed.push(`${count(beyond)} ${what} beyond the first ${count(MAX_VALUES_PER_CONTACT)} dropped`);
}

function capList<T>(items: readonly T[], length: (item: T) => number, maxChars: number, what: string, trimmed: string[]): T[] {
  const fitting = items.filter((item) => length(item) <= maxChars);
  const kept = fitting.length > MAX_VALUES_PER_CONTACT ? fitting.slice(0, MAX_VALUES_PER_CONTACT) : fitting;
  noteDropped(what, items.length - fitting.length, maxChars, fitting.length - kept.length, trimmed);
  return kept;
}

/** True when nothing in the contact is over a cap: a few length checks, no copies (the hot path). */
function withinCaps(p: ParsedContact): boolean {
  for (const [field] of NAME_FIELDS) if ((p[field]?.length ?? 0) > MAX_NAME_CHARS) return false;
  if ((p.note?.length ?? 0) > MAX_NOTE_CHARS) return false;
  if (p.phones.length > MAX_VALUES_PER_CONTACT || p.emails.length > MAX_VALUES_PER_CONTACT) return false;
  for (const ph of p.phones) if (ph.value.length > MAX_NUMBER_CHARS) return false;
  for (const e of p.emails) if (e.length > MAX_EMAIL_CHARS) return false;
  if (p.photo?.kind === 'url' && p.photo.url.length > MAX_PHOTO_URL_CHARS) return false;
  return extrasWithinCaps(p);
}

const EXTRA_TEXT_FIELDS = [
  ['nickname', 'nickname'],
  ['phoneticGivenName', 'phonetic given name'],
  ['phoneticFamilyName', 'phonetic family name'],
] as const;
const ADDRESS_PARTS = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country', 'label'] as const;
const addressLength = (a: PostalAddress): number => Math.max(...ADDRESS_PARTS.map((k) => a[k]?.length ?? 0), a.type?.length ?? 0);
const dateLength = (d: ContactDate): number => Math.max(d.value.length, d.label?.length ?? 0);

function extrasWithinCaps(p: ParsedContact): boolean {
  for (const [field] of EXTRA_TEXT_FIELDS) if ((p[field]?.length ?? 0) > MAX_EXTRA_CHARS) return false;
  const lists = [p.organizationUnits, p.categories, p.dates, p.addresses, p.urls];
  if (lists.some((l) => (l?.length ?? 0) > MAX_EXTRA_VALUES)) return false;
  if (p.organizationUnits?.some((u) => u.length > MAX_EXTRA_CHARS) || p.categories?.some((c) => c.length > MAX_EXTRA_CHARS)) return false;
  if (p.dates?.some((d) => dateLength(d) > MAX_EXTRA_CHARS) || p.addresses?.some((a) => addressLength(a) > MAX_EXTRA_CHARS)) return false;
  return !p.urls?.some((u) => u.url.length > MAX_URL_CHARS || (u.type?.length ?? 0) > MAX_EXTRA_CHARS);
}

/** At most MAX_EXTRA_VALUES of a list, the rest counted in `trimmed`. */
export function capCount<T>(items: readonly T[], what: string, trimmed: string[]): T[] {
  if (items.length <= MAX_EXTRA_VALUES) return [...items];
  trimmed.push(`${count(items.length - MAX_EXTRA_VALUES)} ${what} beyond the first ${count(MAX_EXTRA_VALUES)} dropped`);
  return items.slice(0, MAX_EXTRA_VALUES);
}

function capExtras(p: ParsedContact, out: ParsedContact, trimmed: string[]): void {
  const cut = (text: string, what: string): string => capText(text, MAX_EXTRA_CHARS, what, trimmed);
  for (const [field, what] of EXTRA_TEXT_FIELDS) {
    const value = p[field];
    if (value !== undefined) out[field] = cut(value, what);
  }
  if (p.organizationUnits) out.organizationUnits = capCount(p.organizationUnits, 'organisation units', trimmed).map((u) => cut(u, 'organisation unit'));
  if (p.categories) out.categories = capCount(p.categories, 'categories', trimmed).map((c) => cut(c, 'category'));
  if (p.dates) {
    out.dates = capCount(p.dates, 'dates', trimmed).map((d) => ({ ...d, value: cut(d.value, 'date'), label: d.label === null ? null : cut(d.label, 'date label') }));
  }
  if (p.addresses) {
    out.addresses = capCount(p.addresses, 'addresses', trimmed).map((a) => {
      const capped: PostalAddress = { ...a, type: a.type === null ? null : cut(a.type, 'address type') };
      for (const k of ADDRESS_PARTS) if (a[k] !== undefined) capped[k] = cut(a[k], 'address part');
      return capped;
    });
  }
  if (p.urls) {
    const fitting = p.urls.filter((u) => u.url.length <= MAX_URL_CHARS);
    noteDropped('websites', p.urls.length - fitting.length, MAX_URL_CHARS, 0, trimmed);
    out.urls = capCount(fitting, 'websites', trimmed).map((u) => ({ ...u, type: u.type === null ? null : cut(u.type, 'website type') }));
  }
}

/**
 * The contact with every cap applied; what was cut or dropped is pushed onto `trimmed`. Returns
 * the same object when nothing is over a cap (the common case costs a few length checks).
 */
export function capContact(p: ParsedContact, trimmed: string[]): ParsedContact {
  if (withinCaps(p)) return p;
  const before = trimmed.length;
  const out: ParsedContact = { ...p };
  for (const [field, what] of NAME_FIELDS) {
    const value = p[field];
    if (value !== undefined) out[field] = capText(value, MAX_NAME_CHARS, what, trimmed);
  }
  if (p.note !== undefined) out.note = capText(p.note, MAX_NOTE_CHARS, 'note', trimmed);
  out.phones = capList(p.phones, (ph) => ph.value.length, MAX_NUMBER_CHARS, 'numbers', trimmed);
  out.emails = capList(p.emails, (e) => e.length, MAX_EMAIL_CHARS, 'emails', trimmed);
  if (p.photo?.kind === 'url' && /^https?:/i.test(p.photo.url) && p.photo.url.length > MAX_PHOTO_URL_CHARS) {
    trimmed.push(`photo URL of ${count(p.photo.url.length)} characters dropped (over ${count(MAX_PHOTO_URL_CHARS)})`);
    delete out.photo;
  }
  capExtras(p, out, trimmed);
  return trimmed.length === before ? p : out;
}
