/**
 * Contacts → CSV in Google Contacts' current layout (`First Name`, `Last Name`,
 * `Organization Name`, `E-mail 1 - Label` / `E-mail 1 - Value`, `Phone 1 - Label` /
 * `Phone 1 - Value`, `Address 1 - Label` / `Address 1 - Formatted` / `Address 1 - Street`,
 * `Event 1 - Value`, `Website 1 - Value`, ...), the
 * layout most tools import, with every field the store holds, so export → import through our own
 * reader keeps them all. Google's layout has no full-name column; `File As` carries the display
 * name so names that are not "given family" survive a round trip. Several units or categories
 * share one cell, separated by Google's ` ::: `.
 * Quoting is RFC 4180's (csv-stringify is not a dependency and the rule is four lines).
 */
import type { ContactDate, PhoneType, WritableContact } from '../../../../shared/contact';

const quote = (value: string | null | undefined): string => {
  const v = value ?? '';
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/**
 * The Label cell of a number without a label of its own: the word the reader takes back as the
 * type (row.ts, TYPE_WORDS). A plain `phone` has none: an empty label reads as a plain number.
 */
const TYPE_LABEL: Record<PhoneType, string> = {
  business: 'Work', extension: 'Extension', home: 'Home', mobile: 'Mobile', phone: '',
  unknown: '', company: 'Main', contact: '', direct: 'Direct', fax: 'Work Fax', other: 'Other',
};

const DATE_LABEL: Record<ContactDate['kind'], string> = { birthday: 'Birthday', anniversary: 'Anniversary', other: '' };

const FIXED = [
  'First Name', 'Last Name', 'Nickname', 'Phonetic First Name', 'Phonetic Last Name', 'File As',
  'Organization Name', 'Organization Title', 'Organization Department', 'Notes', 'Labels', 'Photo',
];
const ADDRESS = ['Label', 'Formatted', 'Street', 'Extended Address', 'PO Box', 'City', 'Region', 'Postal Code', 'Country'] as const;

/** How many numbered groups of each kind the widest contact needs. */
export interface CsvWidths {
  emails: number;
  phones: number;
  addresses: number;
  dates: number;
  urls: number;
}

export const NO_WIDTHS: Readonly<CsvWidths> = { emails: 0, phones: 0, addresses: 0, dates: 0, urls: 0 };

/** `w` widened to hold `c`. */
export function widen(w: CsvWidths, c: WritableContact): CsvWidths {
  return {
    emails: Math.max(w.emails, c.emails.length),
    phones: Math.max(w.phones, c.phones.length),
    addresses: Math.max(w.addresses, c.addresses?.length ?? 0),
    dates: Math.max(w.dates, c.dates?.length ?? 0),
    urls: Math.max(w.urls, c.urls?.length ?? 0),
  };
}

const repeat = (n: number, names: readonly string[], group: string): string[] =>
  Array.from({ length: n }, (_, i) => names.map((name) => `${group} ${i + 1} - ${name}`)).flat();

/** The header line for files whose contacts fit in `w` (at least one email and one number column). */
export function csvHeader(w: CsvWidths): string {
  const cols = [
    ...FIXED,
    ...repeat(Math.max(w.emails, 1), ['Label', 'Value'], 'E-mail'),
    ...repeat(Math.max(w.phones, 1), ['Label', 'Value'], 'Phone'),
    ...repeat(w.addresses, ADDRESS, 'Address'),
    ...repeat(w.dates, ['Label', 'Value'], 'Event'),
    ...repeat(w.urls, ['Label', 'Value'], 'Website'),
  ];
  return `${cols.map(quote).join(',')}\r\n`;
}

/** One contact as a CSV line matching `csvHeader(w)`. */
export function csvRow(c: WritableContact, w: CsvWidths): string {
  const cells: Array<string | null | undefined> = [
    c.givenName, c.familyName, c.nickname, c.phoneticGivenName, c.phoneticFamilyName, c.displayName,
    c.company, c.jobTitle, c.organizationUnits?.join(' ::: '), c.notes, c.categories?.join(' ::: '), c.avatar,
  ];
  for (let i = 0; i < Math.max(w.emails, 1); i += 1) cells.push('', c.emails[i] ?? '');
  for (let i = 0; i < Math.max(w.phones, 1); i += 1) {
    const p = c.phones[i];
    cells.push(p ? (p.label ?? TYPE_LABEL[p.type]) : '', p ? p.raw : '');
  }
  for (let i = 0; i < w.addresses; i += 1) {
    const a = c.addresses?.[i];
    cells.push(a?.type, a?.label, a?.street, a?.extended, a?.poBox, a?.locality, a?.region, a?.postalCode, a?.country);
  }
  for (let i = 0; i < w.dates; i += 1) {
    const d = c.dates?.[i];
    cells.push(d ? (d.label ?? DATE_LABEL[d.kind]) : '', d?.value);
  }
  for (let i = 0; i < w.urls; i += 1) cells.push(c.urls?.[i]?.type, c.urls?.[i]?.url);
  return `${cells.map(quote).join(',')}\r\n`;
}
