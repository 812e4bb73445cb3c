/**
 * One CSV row to a `ParsedContact`, following the column roles from `headers.ts`. Google puts the
 * type of `Phone N - Value` in `Phone N - Type` (old layout) or `Phone N - Label` (current); a
 * leading `* ` there marks the primary value and is not part of the type. Address parts with one
 * group (Google's `Address 1 - …`) or one type (Outlook's `Business Street`, `Business City`)
 * become one postal address. Cells of columns no rule maps that plainly hold a number or an email
 * are imported as such (type other), counted in the tally for the report.
 */
import type { ContactDate, PostalAddress } from '../../../../shared/contact';
import type { ParsedContact, ParsedPhone } from '../../model';
import { dateFromParts, readDate } from './dates';
import type { ColumnMap, ColumnRole } from './headers';
import { looksLikeEmail, looksLikePhone, splitCell } from './values';

/** Per column no rule maps: its non-empty cells, and those read as numbers and as emails. */
export interface ColumnTally {
  headers: readonly string[];
  held: number[];
  numbers: number[];
  emails: number[];
}

export const createColumnTally = (headers: readonly string[]): ColumnTally => ({
  headers,
  held: new Array<number>(headers.length).fill(0),
  numbers: new Array<number>(headers.length).fill(0),
  emails: new Array<number>(headers.length).fill(0),
});

const GOOGLE_SEPARATOR = /\s+:::\s+/;
const ADDRESS_PART = {
  'address.street': 'street', 'address.street2': 'street', 'address.street3': 'street', 'address.poBox': 'poBox',
  'address.extended': 'extended', 'address.locality': 'locality', 'address.region': 'region',
  'address.postalCode': 'postalCode', 'address.country': 'country', 'address.formatted': 'formatted',
} as const;
type AddressPart = (typeof ADDRESS_PART)[keyof typeof ADDRESS_PART];

/** Google marks the primary value's label with a leading `* `. */
const cleanLabel = (label: string): string => label.replace(/^\s*\*\s+/, '').trim();
/** `Home` / `Work` / `Other` as the store's words; any other label as written. */
function typeWord(label: string | undefined): string | null {
  if (!label) return null;
  const l = cleanLabel(label);
  const lower = l.toLowerCase();
  return ['home', 'work', 'other'].includes(lower) ? lower : l || null;
}

/** Google's lists (`categories:google`) are split on ` ::: ` only; other lists on `;`, `,` and line breaks too. */
const splitList = (cell: string, google: boolean): string[] =>
  cell.split(google ? GOOGLE_SEPARATOR : /\s+:::\s+|\s*[;,\r\n]\s*/).map(cleanLabel).filter((v) => v !== '');

/**
 * Google's Label cell of a number holds its type (`Mobile`, `Work Fax`) or a label the user gave:
 * these words are read as the type, with no label, which is also how our export writes a number
 * without a label of its own.
 */
const TYPE_WORDS = new Set(['work', 'extension', 'home', 'mobile', 'other', 'main', 'direct', 'work fax', 'home fax', 'fax', 'pager']);

/** Lines of a multi-line cell (a street), each trimmed; blank lines inside are kept. */
const multiLine = (cell: string): string => cell.trim().split(/\r\n?|\n/).map((l) => l.trim()).join('\n');

type NameKey = 'formattedName' | 'givenName' | 'familyName' | 'middleName' | 'prefix' | 'suffix' | 'organization' | 'title' | 'note' | 'uid' | 'nickname' | 'phoneticGivenName' | 'phoneticFamilyName';
const NAME_KEYS: Partial<Record<ColumnRole['kind'], NameKey>> = {
  name: 'formattedName', given: 'givenName', family: 'familyName', middle: 'middleName', prefix: 'prefix', suffix: 'suffix',
  org: 'organization', title: 'title', note: 'note', uid: 'uid', nickname: 'nickname', phoneticGiven: 'phoneticGivenName', phoneticFamily: 'phoneticFamilyName',
};

/** Builds the contact for one data row; `line` is where the row starts in the file (1-based). */
export function rowToContact(row: readonly string[], columns: ColumnMap, line: number, tally?: ColumnTally): ParsedContact {
  const contact: ParsedContact = { line, phones: [], emails: [] };
  const groupLabels = new Map<string, string>();
  columns.forEach((role, i) => {
    if (role?.kind === 'label' && role.group) {
      const label = cleanLabel(row[i] ?? '');
      if (label) groupLabels.set(role.group, label);
    }
  });
  let fileAs: string | undefined;
  const addresses = new Map<string, { type: string | null; parts: Partial<Record<AddressPart, string[]>> }>();
  const birthParts: { year?: string; month?: string; day?: string } = {};
  const dates: ContactDate[] = [];
  const units: string[] = [];
  const categories: string[] = [];

  columns.forEach((role, i) => {
    const cell = row[i];
    if (cell === undefined || cell.trim() === '') return;
    if (!role) {
      readUnmapped(contact, cell.trim(), i, tally);
      return;
    }
    const value = role.kind === 'note' ? cell.trim() : cell.replace(/\s+/g, ' ').trim();
    const nameKey = NAME_KEYS[role.kind];
    if (nameKey) {
      contact[nameKey] ??= value;
      return;
    }
    const groupLabel = role.group ? groupLabels.get(role.group) : undefined;
    switch (role.kind) {
      case 'fileAs': fileAs ??= value; return;
      case 'department': units.push(...value.split(GOOGLE_SEPARATOR).filter((u) => u !== '')); return;
      case 'categories': categories.push(...splitList(cell, role.type === 'google')); return;
      case 'photo':
        // A URL or data: URI (what our export writes); record.ts applies the size cap.
        if (!contact.photo && /^(?:https?:\/\/|data:)/i.test(value)) contact.photo = { kind: 'url', url: cell.trim() };
        return;
      case 'email':
        contact.emails.push(...splitCell(cell, 'email'));
        return;
      case 'phone': {
        // A numbered column's header (`Phone 1 - Value`) says nothing; its Label cell does.
        const label = role.group ? groupLabel : role.header;
        const isTypeWord = label !== undefined && role.group !== undefined && TYPE_WORDS.has(label.toLowerCase());
        const types = isTypeWord ? [label.toLowerCase()] : role.type ? [role.type] : [];
        for (const v of splitCell(cell, 'phone')) {
          const phone: ParsedPhone = { value: v, types };
          if (label && !isTypeWord) phone.label = label;
          contact.phones.push(phone);
        }
        return;
      }
      case 'url':
        for (const url of cell.split(GOOGLE_SEPARATOR).map((u) => u.trim()).filter((u) => u !== '')) {
          (contact.urls ??= []).push({ type: role.type ?? typeWord(groupLabel), url });
        }
        return;
      case 'birthday':
      case 'anniversary':
      case 'date': {
        const date = readDate(value);
        if (date === null) return;
        const said = groupLabel?.toLowerCase();
        const kind = role.kind !== 'date' ? role.kind : said === 'birthday' || said === 'anniversary' ? said : 'other';
        dates.push({ kind, label: kind === 'other' ? (groupLabel ? cleanLabel(groupLabel) : null) : null, value: date });
        return;
      }
      case 'birthday.year': birthParts.year = value; return;
      case 'birthday.month': birthParts.month = value; return;
      case 'birthday.day': birthParts.day = value; return;
      case 'label':
      case 'ignore':
        return;
      default: {
        const part = ADDRESS_PART[role.kind as keyof typeof ADDRESS_PART];
        const key = role.group ?? `type:${role.type ?? ''}`;
        let address = addresses.get(key);
        if (!address) addresses.set(key, (address = { type: role.type ?? null, parts: {} }));
        if (groupLabel) address.type = typeWord(groupLabel);
        (address.parts[part] ??= []).push(multiLine(cell));
      }
    }
  });

  const birthday = dateFromParts(birthParts.year, birthParts.month, birthParts.day);
  if (birthday) dates.unshift({ kind: 'birthday', label: null, value: birthday });
  if (dates.length) contact.dates = dates;
  if (units.length) contact.organizationUnits = units;
  if (categories.length) contact.categories = [...new Set(categories)];
  for (const { type, parts } of addresses.values()) {
    const formatted = parts.formatted?.join('\n');
    // Google's `Formatted` alone is all the file says of the address: its street. Beside the parts
    // it is the address as printed (vCard LABEL), kept as the address's label.
    const formattedIsStreet = Object.keys(parts).every((k) => k === 'formatted');
    const street = parts.street?.join('\n') ?? (formattedIsStreet ? (formatted ?? '') : '');
    const address: PostalAddress = {
      type, poBox: parts.poBox?.join(' ') ?? '', extended: parts.extended?.join(' ') ?? '', street,
      locality: parts.locality?.join(' ') ?? '', region: parts.region?.join(' ') ?? '',
      postalCode: parts.postalCode?.join(' ') ?? '', country: parts.country?.join(' ') ?? '',
    };
    if (formatted && !formattedIsStreet) address.label = formatted;
    if (Object.entries(address).some(([k, v]) => k !== 'type' && v !== '')) (contact.addresses ??= []).push(address);
  }
  // `File As` (Google's current layout, Outlook) names the contact when no name column does;
  // our own CSV export writes the display name there.
  if (fileAs && !contact.formattedName) contact.formattedName = fileAs;
  // A nickname names the contact only when the row has no other name at all.
  if (contact.nickname && !contact.formattedName && !contact.givenName && !contact.familyName) contact.formattedName = contact.nickname;
  return contact;
}

/** A cell of a column no rule maps: kept as a number or an email when it plainly is one. */
function readUnmapped(contact: ParsedContact, cell: string, i: number, tally: ColumnTally | undefined): void {
  if (tally) tally.held[i] = (tally.held[i] ?? 0) + 1;
  const as = looksLikeEmail(cell) ? 'email' : looksLikePhone(cell) ? 'phone' : null;
  if (!as) return;
  if (as === 'email') contact.emails.push(cell);
  else {
    const header = tally?.headers[i]?.trim();
    contact.phones.push(header ? { value: cell, types: ['other'], label: header } : { value: cell, types: ['other'] });
  }
  if (tally) {
    const counts = as === 'email' ? tally.emails : tally.numbers;
    counts[i] = (counts[i] ?? 0) + 1;
  }
}
