/**
 * Pure helpers of the contact view: what to dial for a stored phone, a readable type label,
 * the initials shown when there is no picture, and which avatar URLs may be shown.
 */
import type { ContactDetails } from '../../shared/contact';

type Phone = ContactDetails['phones'][number];

/** The string handed to the widget: E.164 when known (with RingCentral's `*ext`), else the raw digits. */
export function dialString(phone: Phone): string | null {
  const base = phone.e164 ?? phone.raw.replace(/[^0-9+*#]/g, '').replace(/(?!^)\+/g, '');
  if (!/^\+?[0-9*#]{2,32}$/.test(base)) return null;
  return phone.extension && phone.e164 ? `${base}*${phone.extension}` : base;
}

const TYPE_LABELS: Record<string, string> = {
  business: 'Work',
  extension: 'Extension',
  home: 'Home',
  mobile: 'Mobile',
  phone: 'Phone',
  unknown: 'Phone',
  company: 'Company',
  contact: 'Contact',
  direct: 'Direct',
  fax: 'Fax',
  other: 'Other',
};

/** The file's own label when it gave one (`iPhone`, `Business Phone`), else the type's name. */
export function phoneLabel(phone: Phone): string {
  return phone.label?.trim() || TYPE_LABELS[phone.type] || 'Phone';
}

/** Up to two initials for the placeholder avatar. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .map((part) => part[0]!.toUpperCase());
  return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? '?'));
}

/** Only inline images and https pictures are shown (the page's CSP allows exactly these). */
export function isShowableAvatar(url: string | null): url is string {
  if (!url) return false;
  if (/^data:image\/(png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/=\s]+$/i.test(url)) return true;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
