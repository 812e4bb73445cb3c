/**
 * `contacts.card`: a live contact's numbers and e-mails, in file order, as one JSON array
 * `[[[raw, e164, extension, type, label], …], [address, …]]`; NULL for a tombstone.
 *
 * The `phones` and `emails` tables stay the indexes (match keys, digits, linking); this column
 * is what reads return. Reading a contact's numbers and e-mails from their tables cost a b-tree
 * seek in each per contact, which was most of a caller-ID match and of a search's final page
 * at 100,000 contacts; from the row the search or match already reads, it costs one
 * JSON.parse. Every write of `phones`/`emails` writes this column from the same record
 * (store/writer.ts); a migration that rewrites those tables must rewrite it too (CARD_SQL).
 */
import type { PhoneType } from '../../../shared/contact';
import type { ContactRecord } from '../model';
import type { StoredPhone } from './types';

type PhoneTuple = [raw: string, e164: string | null, extension: string | null, type: PhoneType, label: string | null];

/** The column's value for a record. */
export function encodeCard(r: Pick<ContactRecord, 'phones' | 'emails'>): string {
  const phones: PhoneTuple[] = r.phones.map((p) => [p.raw, p.e164 ?? null, p.extension ?? null, p.type, p.label ?? null]);
  return JSON.stringify([phones, r.emails]);
}

/** Numbers and e-mails back from the column (none for NULL: a tombstone holds none). */
export function decodeCard(card: string | null): { phones: StoredPhone[]; emails: string[] } {
  if (card === null) return { phones: [], emails: [] };
  const [phones, emails] = JSON.parse(card) as [PhoneTuple[], string[]];
  return { phones: phones.map((p) => ({ raw: p[0], e164: p[1], extension: p[2], type: p[3], label: p[4] })), emails };
}

/** The column's value built from the `phones` and `emails` rows of `contacts.id` (migrations). */
export const CARD_SQL = `json_array(
    json((SELECT json_group_array(json_array(p.raw, p.e164, p.extension, p.type, p.label) ORDER BY p.position)
      FROM phones p WHERE p.contact_id = contacts.id)),
    json((SELECT json_group_array(e.address ORDER BY e.position) FROM emails e WHERE e.contact_id = contacts.id)))`;
