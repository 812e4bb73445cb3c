/**
 * The read path. Every multi-contact read is a fixed number of statements, whatever the
 * number of contacts: ids go in as one JSON array (`json_each`), and each contact row carries
 * its numbers and e-mails (`contacts.card`, store/card.ts), so no read seeks the phones or
 * emails tables; those are the match and link indexes.
 */
import type { Database } from 'better-sqlite3';
import type { ContactDetails } from '../../../shared/contact';
import { decodeCard } from './card';
import { decodeExtras } from './extras';
import { mergeMember } from './people';
import { readRankNames } from './rank-names';
import { ftsPhrase, gramToken } from './search-text';

/** Largest inline (`data:`) photo sent to the widget, in bytes. */
export const MAX_INLINE_AVATAR = 32 * 1024;
import type { PhoneHit, SearchCandidate, StoredContact, SyncState } from './types';

/** A contact row in raw (array) mode, in CONTACT_COLUMNS order. */
type ContactRow = [
  id: number,
  rev: number,
  deleted: number,
  displayName: string,
  givenName: string | null,
  familyName: string | null,
  company: string | null,
  jobTitle: string | null,
  avatar: string | null,
  person: number | null,
  card: string | null,
];
/** The contact window's row (object mode: one row per request). */
interface DetailsRow {
  id: number;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  jobTitle: string | null;
  fullAvatar: string | null;
  notes: string | null;
  extras: string | null;
  card: string | null;
  sourcePath: string | null;
  sourceFormat: string | null;
}
type CandidateRow = [id: number, person: number, rankNames: string, card: string | null];

/** One StoredContact per row, built with one literal (fixed shape, no spread: list pages build 100k). */
const toStored = (r: ContactRow): StoredContact => {
  const { phones, emails } = decodeCard(r[10]);
  return {
    id: r[0],
    rev: r[1],
    deleted: r[2] === 1,
    displayName: r[3],
    givenName: r[4],
    familyName: r[5],
    company: r[6],
    jobTitle: r[7],
    avatar: r[8],
    person: r[9],
    phones,
    emails,
  };
};

/**
 * Inline photos over MAX_INLINE_AVATAR never go to the widget (see service/widget-contact.ts),
 * so list reads do not even load them; `getDetails` reads the full value.
 */
const CONTACT_COLUMNS = `c.id, c.rev, c.deleted, c.display_name AS displayName, c.given_name AS givenName,
  c.family_name AS familyName, c.company, c.job_title AS jobTitle,
  CASE WHEN octet_length(c.avatar) > ${MAX_INLINE_AVATAR} THEN NULL ELSE c.avatar END AS avatar, c.person_id AS person, c.card`;

/**
 * One page of changes: the keyset (rev, id) > (afterRev, afterId) up to a revision, as two
 * index seeks merged in order. A single range scan with `rev >= afterRev AND (rev > afterRev
 * OR id > afterId)` walks every contact that shares afterRev (an import stamps all its
 * contacts with one revision), which made a 1,000-change fetch O(book size). INDEXED BY: for
 * the first seek the planner would otherwise pick the rowid and filter on rev.
 */
/**
 * Contacts whose folded display name begins with a term (`rank_names` begins with it), by
 * name: a range of the `contacts_name_prefix` index. Parameters: the term, the term followed
 * by U+10FFFF (above every letter a name holds), the limit.
 */
export const NAME_PREFIX_SQL = 'SELECT id FROM contacts WHERE rank_names >= ? AND rank_names < ? ORDER BY rank_names LIMIT ?';

export const CHANGED_SINCE_SQL = `SELECT ${CONTACT_COLUMNS} FROM contacts c INDEXED BY contacts_rev
    WHERE c.rev = @afterRev AND c.id > @afterId AND c.rev <= @upTo
  UNION ALL
  SELECT ${CONTACT_COLUMNS} FROM contacts c INDEXED BY contacts_rev
    WHERE c.rev > @afterRev AND c.rev <= @upTo
  ORDER BY rev, id LIMIT @limit`;

const prepareAll = (db: Database) => ({
  sync: db.prepare('SELECT database_id AS databaseId, revision, tombstone_floor AS tombstoneFloor FROM meta WHERE id = 1'),
  // Rows as arrays (raw mode) throughout the list and match paths: a full list builds 100k
  // contacts, and arrays are far cheaper to make (and collect) than keyed row objects.
  // Live contacts the widget sees: not linked, or the one a person is known by.
  liveAfter: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts c
    WHERE c.deleted = 0 AND c.id > ? AND (c.person_id IS NULL OR c.person_id = c.id) ORDER BY c.id LIMIT ?`).raw(),
  // The other contacts of these people, in id order.
  members: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts c
    WHERE c.person_id IN (SELECT value FROM json_each(?)) AND c.id != c.person_id AND c.deleted = 0 ORDER BY c.id`).raw(),
  personOf: db.prepare('SELECT coalesce(person_id, id) FROM contacts WHERE id = ? AND deleted = 0').pluck(),
  partsOf: db.prepare('SELECT id FROM contacts WHERE person_id = ? AND deleted = 0 ORDER BY id').pluck(),
  changed: db.prepare(CHANGED_SINCE_SQL).raw(),
  byIds: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM json_each(?) j JOIN contacts c ON c.id = j.value WHERE c.deleted = 0`).raw(),
  trigram: db.prepare('SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rowid LIMIT ?').pluck(),
  namePrefix: db.prepare(NAME_PREFIX_SQL).pluck(),
  grams: db.prepare('SELECT rowid FROM contact_grams WHERE contact_grams MATCH ? ORDER BY rowid LIMIT ?').pluck(),
  // Short digit strings are common in any book of numbers, so this scan stops early.
  shortDigits: db.prepare(`SELECT DISTINCT contact_id FROM phones WHERE instr(digits, ?) > 0 LIMIT ?`).pluck(),
  // contactId: the person's (a linked contact answers as the person the widget knows). Keys
  // and extensions are two statements: the key one reads only the match-key index (a covering
  // read, where joining contacts and a UNION with the extension branch cost twice as much),
  // and most requests hold no extension at all.
  keyHits: db.prepare(`SELECT coalesce((SELECT c.person_id FROM contacts c WHERE c.id = p.contact_id), p.contact_id) AS contactId,
      p.match_key AS matchKey, NULL AS extension FROM phones p WHERE p.match_key IN (SELECT value FROM json_each(?))`),
  extensionHits: db.prepare(`SELECT coalesce((SELECT c.person_id FROM contacts c WHERE c.id = p.contact_id), p.contact_id) AS contactId,
      p.match_key AS matchKey, p.extension FROM phones p WHERE p.extension IN (SELECT value FROM json_each(?))`),
  details: db.prepare(`SELECT ${CONTACT_COLUMNS}, c.avatar AS fullAvatar, c.notes, c.extras, s.path AS sourcePath, s.format AS sourceFormat
    FROM contacts c LEFT JOIN sources s ON s.id = c.source_id WHERE c.id = ? AND c.deleted = 0`),
  count: db.prepare('SELECT count(*) FROM contacts WHERE deleted = 0').pluck(),
  // Every live contact, hidden or not (export and the contact window read contacts, not people).
  liveIds: db.prepare('SELECT id FROM contacts WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?').pluck(),
  // Search ranks on these rows: the folded names, and the card only where they do not hold the
  // term (most candidates are name hits, and the card is the larger string).
  candidates: db.prepare(`SELECT c.id, coalesce(c.person_id, c.id), c.rank_names,
      CASE WHEN instr(c.rank_names, @term) > 0 THEN NULL ELSE c.card END
    FROM json_each(@ids) j JOIN contacts c ON c.id = j.value WHERE c.deleted = 0 AND c.rank_names IS NOT NULL`).raw(),
});

/** Creates the read functions over one connection. */
export function createReader(db: Database) {
  const s = prepareAll(db);

  /**
   * Folds the other contacts of each person among `contacts` into it (store/people.ts): one
   * extra read, and only when a person is there.
   */
  const mergePeople = (contacts: StoredContact[]): StoredContact[] => {
    const people = new Map<number, StoredContact>();
    for (const c of contacts) if (!c.deleted && c.person === c.id) people.set(c.id, c);
    if (people.size === 0) return contacts;
    for (const r of s.members.all(JSON.stringify([...people.keys()])) as ContactRow[]) mergeMember(people.get(r[9]!)!, toStored(r));
    return contacts;
  };

  const contactsByIds = (ids: readonly number[]): StoredContact[] => {
    const rows = s.byIds.all(JSON.stringify(ids)) as ContactRow[];
    if (rows.length === 0) return [];
    const found = new Map<number, StoredContact>();
    for (const r of rows) found.set(r[0], toStored(r));
    mergePeople([...found.values()]);
    const ordered: StoredContact[] = [];
    for (const id of ids) {
      const c = found.get(id);
      if (c) ordered.push(c);
    }
    return ordered;
  };

  const getDetails = (id: string): ContactDetails | null => {
    if (!/^\d{1,15}$/.test(id)) return null;
    const row = s.details.get(Number(id)) as DetailsRow | undefined;
    if (!row) return null;
    const { phones, emails } = decodeCard(row.card);
    return {
      ...decodeExtras(row.extras),
      id: String(row.id),
      displayName: row.displayName,
      givenName: row.givenName,
      familyName: row.familyName,
      company: row.company,
      jobTitle: row.jobTitle,
      notes: row.notes,
      avatar: row.fullAvatar,
      phones,
      emails,
      source: row.sourcePath ? { path: row.sourcePath, format: row.sourceFormat ?? '' } : null,
    };
  };

  return {
    syncState: (): SyncState => s.sync.get() as SyncState,
    liveAfter: (afterId: number, limit: number): StoredContact[] =>
      mergePeople((s.liveAfter.all(afterId, limit) as ContactRow[]).map(toStored)),
    changedBetween: (range: { upTo: number; afterRev: number; afterId: number }, limit: number): StoredContact[] =>
      mergePeople((s.changed.all({ ...range, limit }) as ContactRow[]).map(toStored)),
    searchIds: (term: string, limit: number): number[] => {
      const length = Array.from(term).length;
      if (length === 0) return [];
      if (length >= 3) return s.trigram.all(ftsPhrase(term), limit) as number[];
      if (/^\+?\d+$/.test(term)) return s.shortDigits.all(term.replace('+', ''), limit) as number[];
      return s.grams.all(gramToken(term), limit) as number[];
    },
    namePrefixIds: (term: string, limit: number): number[] => s.namePrefix.all(term, `${term}\u{10FFFF}`, limit) as number[],
    phonesMatching: (keys: readonly string[], extensions: readonly string[]): PhoneHit[] => {
      const hits = keys.length ? (s.keyHits.all(JSON.stringify(keys)) as PhoneHit[]) : [];
      if (extensions.length) hits.push(...(s.extensionHits.all(JSON.stringify(extensions)) as PhoneHit[]));
      return hits;
    },
    contactsByIds,
    searchCandidates: (ids: readonly number[], term: string): SearchCandidate[] =>
      (s.candidates.all({ ids: JSON.stringify(ids), term }) as CandidateRow[]).map((r) => ({ id: r[0], person: r[1], names: readRankNames(r[2]), card: r[3] })),
    getDetails,
    /** The id the widget knows this contact's person by (its own when not linked); null when gone. */
    personOf: (id: number): number | null => (s.personOf.get(id) as number | undefined) ?? null,
    /** The live contacts linked into person `id`, in id order (empty when it is not a person). */
    partsOf: (id: number): number[] => s.partsOf.all(id) as number[],
    liveIdsAfter: (afterId: number, limit: number): number[] => s.liveIds.all(afterId, limit) as number[],
    countContacts: (): number => s.count.get() as number,
  };
}
