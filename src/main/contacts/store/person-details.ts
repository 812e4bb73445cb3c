/**
 * The contact window's card for a person: every contact linked into it (store/links.ts), their
 * values merged, each value with the contacts (and so the sources) that hold it.
 */
import type { ContactDetails, LinkedPart, PersonDetails } from '../../../shared/contact';

const phoneKey = (p: ContactDetails['phones'][number]): string => `${p.e164 ?? p.raw}\u0000${p.extension ?? ''}`;

/** Adds each value once (by key) to `values`, and the part holding it to the parallel `holders`. */
function collector<T>(values: T[], holders: string[][]): (key: string, value: T, partId: string) => void {
  const at = new Map<string, number>();
  return (key, value, partId) => {
    const i = at.get(key);
    if (i !== undefined) {
      if (!holders[i]!.includes(partId)) holders[i]!.push(partId);
      return;
    }
    at.set(key, values.length);
    values.push(value);
    holders.push([partId]);
  };
}

const linkedPart = (p: ContactDetails): LinkedPart => ({ id: p.id, displayName: p.displayName, source: p.source });

/**
 * One card from the parts, the first being the contact whose id the widget knows: its fields
 * first, a field it lacks from the next part that has it; numbers and e-mails once each, in
 * part order, with the ids of every part that holds them. `apart`: the contacts the user
 * unlinked from it (store/unlink-decisions.ts).
 */
export function personCard(parts: readonly ContactDetails[], apart: readonly ContactDetails[] = []): PersonDetails {
  const [first, ...rest] = parts;
  if (!first) throw new RangeError('a person has at least one contact');
  const card: PersonDetails = {
    ...first,
    phones: [],
    emails: [],
    parts: parts.map(linkedPart),
    apart: apart.map(linkedPart),
    phoneParts: [],
    emailParts: [],
  };
  for (const part of rest) {
    card.givenName ??= part.givenName;
    card.familyName ??= part.familyName;
    card.company ??= part.company;
    card.jobTitle ??= part.jobTitle;
    card.notes ??= part.notes;
    card.avatar ??= part.avatar;
    card.nickname ??= part.nickname;
  }
  const phones = collector(card.phones, card.phoneParts);
  const emails = collector(card.emails, card.emailParts);
  for (const part of parts) {
    for (const phone of part.phones) phones(phoneKey(phone), phone, part.id);
    for (const email of part.emails) emails(email.toLowerCase(), email, part.id);
  }
  return card;
}
