/**
 * How the contact window writes the extra fields for a person: a date in the reader's language
 * (a birthday without a year without one), an address as the lines of an envelope, a type word
 * as a label. Pure, so they are tested under Node with a fixed locale.
 */
import type { ContactDate, PostalAddress } from '../../shared/contact';

/** `1980-03-21` → "March 21, 1980" (en-US), `--04-12` → "April 12"; text dates as written. */
export function formatContactDate(value: string, locale?: string): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const yearless = /^--(\d{2})-(\d{2})$/.exec(value);
  const m = full ?? yearless;
  if (!m) return value;
  const [year, month, day] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : [2000, Number(m[1]), Number(m[2])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: years 0-99 would otherwise become 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  const options: Intl.DateTimeFormatOptions = full
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { month: 'long', day: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-US', options).format(date);
  }
}

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const KNOWN_KINDS: Record<string, string> = { home: 'Home', work: 'Work', other: 'Other', homepage: 'Homepage', profile: 'Profile', blog: 'Blog' };

/** A type word as a label: `home` → "Home", the file's own words as written (first letter up). */
export function kindLabel(type: string | null, fallback: string): string {
  if (!type) return fallback;
  return KNOWN_KINDS[type] ?? capitalized(type);
}

export function dateLabel(d: ContactDate): string {
  if (d.kind === 'birthday') return 'Birthday';
  if (d.kind === 'anniversary') return 'Anniversary';
  return d.label ? capitalized(d.label) : 'Date';
}

/** Countries that write the postal code after the town and region ("Springfield, IL 62701"). */
const CODE_LAST = /^(us|usa|u\.s\.a?\.?|united states( of america)?|canada|ca|australia|au)$/i;

/**
 * The address as envelope lines, from its parts; when the file gave only the printed form
 * (LABEL), that. Nothing is added that the file did not hold.
 */
export function addressLines(a: PostalAddress): string[] {
  const split = (s: string): string[] => s.split('\n').map((l) => l.trim());
  const codeLast = CODE_LAST.test(a.country.trim()) || (a.country.trim() === '' && /^[A-Z]{2}$/.test(a.region.trim()));
  const town = codeLast
    ? [[a.locality, a.region].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ')
    : [a.postalCode, a.locality].filter(Boolean).join(' ');
  const lines = [...split(a.street), ...split(a.extended), ...split(a.poBox), town, codeLast ? '' : a.region, a.country].filter(Boolean);
  return lines.length ? lines : split(a.label ?? '').filter(Boolean);
}

/** Phonetic names in the order the name is read: family first for Japanese, Chinese and Korean readings. */
export function phoneticLine(given: string | null, family: string | null): string | null {
  const parts = [given, family].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return null;
  const eastAsian = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(parts.join(''));
  return (eastAsian ? [family, given] : [given, family]).filter(Boolean).join(' ');
}
