/**
 * A person as the widget sees it: the contact whose id it knows (the smallest of the linked
 * ones), with the numbers and e-mails of every contact linked with it (store/links.ts).
 */
import type { StoredContact } from './types';

const phoneKey = (p: StoredContact['phones'][number]): string => `${p.e164 ?? p.raw}\u0000${p.extension ?? ''}`;

/**
 * Adds `member`'s numbers and e-mails to `person` (each once: the same number written two ways
 * in two files is one number), and fills the fields `person` lacks from it. Members are merged
 * in id order, so the result does not depend on the order rows were read in.
 */
export function mergeMember(person: StoredContact, member: StoredContact): void {
  const phones = new Set(person.phones.map(phoneKey));
  for (const p of member.phones) {
    const key = phoneKey(p);
    if (phones.has(key)) continue;
    phones.add(key);
    person.phones.push(p);
  }
  const emails = new Set(person.emails.map((e) => e.toLowerCase()));
  for (const e of member.emails) {
    if (emails.has(e.toLowerCase())) continue;
    emails.add(e.toLowerCase());
    person.emails.push(e);
  }
  person.givenName ??= member.givenName;
  person.familyName ??= member.familyName;
  person.company ??= member.company;
  person.jobTitle ??= member.jobTitle;
  person.avatar ??= member.avatar;
}

/** True for a live contact the widget does not see: it is linked into a person with another id. */
export const isHidden = (c: StoredContact): boolean => !c.deleted && c.person !== null && c.person !== c.id;
