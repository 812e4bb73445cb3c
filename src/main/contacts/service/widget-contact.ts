/**
 * Stored contacts in the shape the widget reads. Decisions (see docs/contact-core.md):
 * - `phoneNumber` is the E.164 form without the extension: the widget matches caller ID by
 *   exact string and dials what we send, and calls arrive as plain E.164. Only a number that
 *   has no E.164 form is sent as written (so "101" or "ACME-1234" still reach the widget).
 * - `profileImageUrl` is sent for http(s) URLs and for `data:` photos up to 32 KB; larger
 *   inline photos would bloat every list page, and the contact window shows them anyway.
 */
import type { DeletedWidgetContact, WidgetContact } from '../../../shared/contact';
import type { StoredContact } from '../store/types';
import { widgetName } from '../widget-name';
import { MAX_INLINE_AVATAR } from '../store/reader';


function avatarUrl(avatar: string | null): string | undefined {
  if (!avatar) return undefined;
  if (/^https?:\/\//i.test(avatar)) return avatar;
  if (/^data:image\//i.test(avatar) && avatar.length <= MAX_INLINE_AVATAR) return avatar;
  return undefined;
}


/** A live contact as the widget expects it; optional fields are left out when empty. */
export function toWidgetContact(c: StoredContact, serviceName: string): WidgetContact {
  const contact: WidgetContact = {
    id: String(c.id),
    // The fallback string is only made for the rare contact without a display name.
    name: c.displayName || widgetName(c, `#${c.id}`),
    type: serviceName,
    phoneNumbers: c.phones.map((p) => ({ phoneNumber: p.e164 ?? p.raw, phoneType: p.type })),
  };
  if (c.givenName) contact.firstName = c.givenName;
  if (c.familyName) contact.lastName = c.familyName;
  if (c.company) contact.company = c.company;
  if (c.jobTitle) contact.jobTitle = c.jobTitle;
  if (c.emails.length) contact.emails = c.emails;
  const avatar = avatarUrl(c.avatar);
  if (avatar) contact.profileImageUrl = avatar;
  return contact;
}

/** What an incremental reply carries for a deleted contact. */
export function toTombstone(id: number, serviceName: string): DeletedWidgetContact {
  return { id: String(id), name: '', type: serviceName, phoneNumbers: [], deleted: true };
}

/**
 * Whether the widget's own display filter keeps a search result
 * (`src/lib/searchContactPhoneNumbers.js`): contacts without numbers are dropped, the rest
 * are kept when the joined names or a raw number contain the lower-cased term.
 */
export function widgetKeeps(c: WidgetContact, term: string): boolean {
  return widgetFilterKeeps(c.firstName, c.lastName, c.name, c.phoneNumbers.map((p) => p.phoneNumber), term);
}

/** `widgetKeeps` on the bare fields (search ranks candidates before building contacts). */
export function widgetFilterKeeps(
  firstName: string | null | undefined,
  lastName: string | null | undefined,
  name: string,
  numbers: readonly string[],
  term: string,
): boolean {
  const needle = term.toLowerCase();
  if (numbers.length === 0) return false;
  const names = `${firstName ?? ''} ${lastName ?? ''} ${name}`.toLowerCase();
  return names.includes(needle) || numbers.some((n) => n.includes(needle));
}
