/**
 * The `contacts.extras` column: a contact's nickname, phonetic names, organisation units, dates,
 * addresses, URLs and categories as one JSON document. Only non-empty fields are written (most
 * contacts have none: the column is then NULL), and reading fills in the rest, so a document
 * written by an older or newer app still reads.
 */
import { NO_EXTRAS, type ContactExtras } from '../../../shared/contact';

/** True when the contact holds none of the extra fields. */
export function isEmptyExtras(e: ContactExtras | undefined): boolean {
  if (!e) return true;
  return (
    !e.nickname && !e.phoneticGivenName && !e.phoneticFamilyName &&
    e.organizationUnits.length + e.dates.length + e.addresses.length + e.urls.length + e.categories.length === 0
  );
}

/** The column's value: JSON of the non-empty fields, or null. */
export function encodeExtras(e: ContactExtras | undefined): string | null {
  if (!e || isEmptyExtras(e)) return null;
  const out: Partial<ContactExtras> = {};
  for (const [key, value] of Object.entries(e) as Array<[keyof ContactExtras, unknown]>) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return JSON.stringify(out);
}

const arrayOr = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const stringOr = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The fields from the column's value; a NULL or unreadable value reads as none. */
export function decodeExtras(json: string | null): ContactExtras {
  if (!json) return { ...NO_EXTRAS, organizationUnits: [], dates: [], addresses: [], urls: [], categories: [] };
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    data = {};
  }
  return {
    nickname: stringOr(data.nickname),
    phoneticGivenName: stringOr(data.phoneticGivenName),
    phoneticFamilyName: stringOr(data.phoneticFamilyName),
    organizationUnits: arrayOr(data.organizationUnits),
    dates: arrayOr(data.dates),
    addresses: arrayOr(data.addresses),
    urls: arrayOr(data.urls),
    categories: arrayOr(data.categories),
  };
}
