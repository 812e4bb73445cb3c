/**
 * The widget's normalisation of `/contacts` results (ringcentral-embeddable
 * `ThirdPartyService/helper.ts` formatContacts). Only the Contacts-tab list goes through it;
 * search and match results are used raw.
 */
import type { SimContact, SimPhone } from './types';

/** The widget's phone type vocabulary (`commons:enums/phoneTypes.ts`). */
const KNOWN_TYPES = new Set([
  'business', 'extension', 'home', 'mobile', 'phone', 'unknown',
  'company', 'contact', 'direct', 'fax', 'other',
]);

/**
 * Missing → `unknown`; known → kept; otherwise the first `Phone` is removed (case-sensitive,
 * so `mobilePhone` → `mobile`) and, if still unknown, the type becomes `other`.
 * A non-string type throws inside the widget (`.replace` on it), as the real one does, which
 * discards the whole fetch.
 */
export function formatPhoneType(phoneType: unknown): string {
  if (!phoneType) return 'unknown';
  const asString = phoneType as string;
  if (KNOWN_TYPES.has(asString)) return asString;
  const clean = asString.replace('Phone', '');
  return KNOWN_TYPES.has(clean) ? clean : 'other';
}

/** Rebuilds each phone as just `{ phoneNumber, phoneType }`, keeps every other field. */
export function formatContacts(contacts: SimContact[]): SimContact[] {
  return contacts.map((contact) => {
    const phones = contact.phoneNumbers;
    const phoneNumbers = phones
      ? phones.map((p: SimPhone) => ({ phoneNumber: p.phoneNumber, phoneType: formatPhoneType(p.phoneType) }))
      : phones;
    return { ...contact, phoneNumbers };
  });
}
