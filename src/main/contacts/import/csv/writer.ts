/**
 * Contacts → CSV in Google Contacts' current layout (`First Name`, `Last Name`,
 * `Organization Name`, `E-mail 1 - Label` / `E-mail 1 - Value`, `Phone 1 - Label` /
 * `Phone 1 - Value`, ...), the layout most tools import. Google's layout has no full-name column;
 * `File As` carries the display name so names that are not "given family" survive a round trip.
 * Quoting is RFC 4180's (csv-stringify is not a dependency and the rule is four lines).
 */
import type { PhoneType, WritableContact } from '../../../../shared/contact';

const quote = (value: string | null | undefined): string => {
  const v = value ?? '';
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

const TYPE_LABEL: Record<PhoneType, string> = {
  business: 'Work', extension: 'Extension', home: 'Home', mobile: 'Mobile', phone: 'Other',
  unknown: 'Other', company: 'Main', contact: 'Other', direct: 'Direct', fax: 'Work Fax', other: 'Other',
};

const FIXED = ['First Name', 'Last Name', 'File As', 'Organization Name', 'Organization Title', 'Notes', 'Photo'];

/** The header line for files whose contacts have at most `emails` emails and `phones` numbers. */
export function csvHeader(emails: number, phones: number): string {
  const cols = [...FIXED];
  for (let i = 1; i <= emails; i += 1) cols.push(`E-mail ${i} - Label`, `E-mail ${i} - Value`);
  for (let i = 1; i <= phones; i += 1) cols.push(`Phone ${i} - Label`, `Phone ${i} - Value`);
  return `${cols.map(quote).join(',')}\r\n`;
}

/** One contact as a CSV line matching `csvHeader(emails, phones)`. */
export function csvRow(c: WritableContact, emails: number, phones: number): string {
  const cells = [c.givenName, c.familyName, c.displayName, c.company, c.jobTitle, c.notes, c.avatar];
  for (let i = 0; i < emails; i += 1) {
    const e = c.emails[i];
    cells.push('', e ?? '');
  }
  for (let i = 0; i < phones; i += 1) {
    const p = c.phones[i];
    cells.push(p ? (p.label ?? TYPE_LABEL[p.type]) : '', p ? p.raw : '');
  }
  return `${cells.map(quote).join(',')}\r\n`;
}
