/**
 * Stored contacts in the shape the widget reads, and the size bound of every reply that
 * carries them. Decisions (see docs/contact-core.md):
 * - `phoneNumber` is the E.164 form without the extension: the widget matches caller ID by
 *   exact string and dials what we send, and calls arrive as plain E.164. Only a number that
 *   has no E.164 form is sent as written (so "101" or "ACME-1234" still reach the widget).
 * - `profileImageUrl` is sent for `data:` photos up to 32 KB (larger inline photos would bloat
 *   every list page; the contact window shows them anyway), and for http(s) URLs only when the
 *   user allows remote photos (`showRemotePhotos`): the widget fetches every profileImageUrl
 *   itself, so a URL from an imported file would make it contact that host. URLs over
 *   MAX_PHOTO_URL_CHARS are never sent.
 * - No reply grows past MAX_REPLY_BYTES plus one contact: list pages end early, search and
 *   match replies are cut (`withinBudget`). One contact is bounded by the import caps.
 */
import type { DeletedWidgetContact, WidgetContact } from '../../../shared/contact';
import type { StoredContact } from '../store/types';
import { widgetName } from '../widget-name';
import { MAX_INLINE_AVATAR } from '../store/reader';
import { MAX_PHOTO_URL_CHARS } from '../import/caps';

/**
 * About 2 MB of contacts per reply: a list page of 500 ordinary contacts is ~100 KB, so only
 * contacts with large inline photos or many numbers make a page end early.
 */
export const MAX_REPLY_BYTES = 2 * 1024 * 1024;

function avatarUrl(avatar: string | null, remotePhotos: boolean): string | undefined {
  if (!avatar) return undefined;
  if (/^https?:\/\//i.test(avatar)) return remotePhotos && avatar.length <= MAX_PHOTO_URL_CHARS ? avatar : undefined;
  if (/^data:image\//i.test(avatar) && avatar.length <= MAX_INLINE_AVATAR) return avatar;
  return undefined;
}

/**
 * About the size of the contact's JSON: the characters of its strings plus a fixed overhead
 * per field (escapes are not counted; the widget's own text is mostly plain).
 */
export function replyBytes(c: WidgetContact): number {
  let n = 64 + c.id.length + c.name.length + c.type.length;
  for (const p of c.phoneNumbers) n += 36 + p.phoneNumber.length + p.phoneType.length;
  for (const e of c.emails ?? []) n += 3 + e.length;
  n += (c.firstName?.length ?? 0) + (c.lastName?.length ?? 0) + (c.company?.length ?? 0) + (c.jobTitle?.length ?? 0);
  return n + (c.profileImageUrl ? 20 + c.profileImageUrl.length : 0) + 64;
}

/** The leading items whose total size stays within `budget` (always at least the first). */
export function withinBudget<T>(items: readonly T[], size: (item: T) => number, budget: number): T[] {
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    used += size(items[i]!);
    if (used > budget && i > 0) return items.slice(0, i);
  }
  return items as T[];
}

/** A live contact as the widget expects it; optional fields are left out when empty. */
export function toWidgetContact(c: StoredContact, serviceName: string, remotePhotos = false): WidgetContact {
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
  const avatar = avatarUrl(c.avatar, remotePhotos);
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
