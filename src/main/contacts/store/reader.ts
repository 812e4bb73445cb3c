/**
 * The read path. Every multi-contact read is a fixed number of statements, whatever the
 * number of contacts: ids go in as one JSON array (`json_each`), phones and emails come back
 * in one query each and are grouped here.
 */
import type { Database } from 'better-sqlite3';
import type { ContactDetails, PhoneType } from '../../../shared/contact';
import { ftsPhrase, gramToken } from './search-text';

/** Largest inline (`data:`) photo sent to the widget, in bytes. */
export const MAX_INLINE_AVATAR = 32 * 1024;
import type { PhoneHit, StoredContact, SyncState } from './types';

interface ContactRow {
  id: number;
  rev: number;
  deleted: number;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  jobTitle: string | null;
  avatar: string | null;
}
/**
 * Inline photos over MAX_INLINE_AVATAR never go to the widget (see service/widget-contact.ts),
 * so list reads do not even load them; `getDetails` reads the full value.
 */
const CONTACT_COLUMNS = `c.id, c.rev, c.deleted, c.display_name AS displayName, c.given_name AS givenName,
  c.family_name AS familyName, c.company, c.job_title AS jobTitle,
  CASE WHEN octet_length(c.avatar) > ${MAX_INLINE_AVATAR} AND c.avatar LIKE 'data:%' THEN NULL ELSE c.avatar END AS avatar`;

const prepareAll = (db: Database) => ({
  sync: db.prepare('SELECT database_id AS databaseId, revision, tombstone_floor AS tombstoneFloor FROM meta WHERE id = 1'),
  liveAfter: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.deleted = 0 AND c.id > ? ORDER BY c.id LIMIT ?`),
  changed: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts c
    WHERE c.rev >= @afterRev AND c.rev <= @upTo AND (c.rev > @afterRev OR c.id > @afterId)
    ORDER BY c.rev, c.id LIMIT @limit`),
  byIds: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM json_each(?) j JOIN contacts c ON c.id = j.value WHERE c.deleted = 0`),
  // Rows as arrays (raw mode): a list page builds thousands of them, and arrays are cheaper.
  phones: db.prepare(`SELECT contact_id, raw, e164, extension, type, label FROM phones
    WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, position`).raw(),
  emails: db.prepare(`SELECT contact_id, address FROM emails
    WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, position`).raw(),
  phonesInRange: db.prepare(`SELECT contact_id, raw, e164, extension, type, label FROM phones
    WHERE contact_id BETWEEN ? AND ? ORDER BY contact_id, position`).raw(),
  emailsInRange: db.prepare(`SELECT contact_id, address FROM emails
    WHERE contact_id BETWEEN ? AND ? ORDER BY contact_id, position`).raw(),
  // Candidates in id order, those the widget's display filter keeps first (see widget-name.ts).
  rankedSearch: db.prepare(`SELECT c.id FROM json_each(@ids) j JOIN contacts c ON c.id = j.value
    WHERE c.deleted = 0
    ORDER BY (c.filter_numbers = '' OR (instr(c.filter_names, @needle) = 0 AND instr(c.filter_numbers, @needle) = 0)), c.id
    LIMIT @limit`).pluck(),
  trigram: db.prepare('SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rowid LIMIT ?').pluck(),
  grams: db.prepare('SELECT rowid FROM contact_grams WHERE contact_grams MATCH ? ORDER BY rowid LIMIT ?').pluck(),
  // Short digit strings are common in any book of numbers, so this scan stops early.
  shortDigits: db.prepare(`SELECT DISTINCT contact_id FROM phones WHERE instr(digits, ?) > 0 LIMIT ?`).pluck(),
  hits: db.prepare(`SELECT p.contact_id AS contactId, p.match_key AS matchKey, p.extension
      FROM phones p WHERE p.match_key IN (SELECT value FROM json_each(@keys))
    UNION
    SELECT p.contact_id, p.match_key, p.extension
      FROM phones p WHERE p.extension IN (SELECT value FROM json_each(@extensions))`),
  details: db.prepare(`SELECT ${CONTACT_COLUMNS}, c.avatar AS fullAvatar, c.notes, s.path AS sourcePath, s.format AS sourceFormat
    FROM contacts c LEFT JOIN sources s ON s.id = c.source_id WHERE c.id = ? AND c.deleted = 0`),
  count: db.prepare('SELECT count(*) FROM contacts WHERE deleted = 0').pluck(),
});

/** Creates the read functions over one connection. */
export function createReader(db: Database) {
  const s = prepareAll(db);

  /**
   * Attaches phones and emails to contact rows (tombstones get none). Rows sorted by id
   * (list pages) are read by id range, which is cheaper than a list of ids.
   */
  const hydrate = (rows: ContactRow[], byRange = false): StoredContact[] => {
    const out = new Map<number, StoredContact>();
    for (const r of rows) out.set(r.id, { ...r, deleted: r.deleted === 1, phones: [], emails: [] });
    if (rows.length === 0) return [];
    let phoneRows: unknown[][];
    let emailRows: unknown[][];
    if (byRange) {
      const [first, last] = [rows[0]!.id, rows[rows.length - 1]!.id];
      phoneRows = s.phonesInRange.all(first, last) as unknown[][];
      emailRows = s.emailsInRange.all(first, last) as unknown[][];
    } else {
      const ids = JSON.stringify(rows.filter((r) => !r.deleted).map((r) => r.id));
      phoneRows = s.phones.all(ids) as unknown[][];
      emailRows = s.emails.all(ids) as unknown[][];
    }
    for (const [id, raw, e164, extension, type, label] of phoneRows as Array<[number, string, string | null, string | null, PhoneType, string | null]>) {
      out.get(id)?.phones.push({ raw, e164, extension, type, label });
    }
    for (const [id, address] of emailRows as Array<[number, string]>) out.get(id)?.emails.push(address);
    return [...out.values()];
  };

  const contactsByIds = (ids: readonly number[]): StoredContact[] => {
    const rows = new Map((s.byIds.all(JSON.stringify(ids)) as ContactRow[]).map((r) => [r.id, r]));
    return hydrate(ids.map((id) => rows.get(id)).filter((r): r is ContactRow => r !== undefined));
  };

  const getDetails = (id: string): ContactDetails | null => {
    if (!/^\d{1,15}$/.test(id)) return null;
    const row = s.details.get(Number(id)) as
      | (ContactRow & { fullAvatar: string | null; notes: string | null; sourcePath: string | null; sourceFormat: string | null })
      | undefined;
    if (!row) return null;
    const [full] = hydrate([row]);
    return {
      id: String(row.id),
      displayName: row.displayName,
      givenName: row.givenName,
      familyName: row.familyName,
      company: row.company,
      jobTitle: row.jobTitle,
      notes: row.notes,
      avatar: row.fullAvatar,
      phones: full!.phones,
      emails: full!.emails,
      source: row.sourcePath ? { path: row.sourcePath, format: row.sourceFormat ?? '' } : null,
    };
  };

  return {
    syncState: (): SyncState => s.sync.get() as SyncState,
    liveAfter: (afterId: number, limit: number): StoredContact[] => hydrate(s.liveAfter.all(afterId, limit) as ContactRow[], true),
    rankForWidget: (ids: readonly number[], query: string, limit: number): number[] =>
      s.rankedSearch.all({ ids: JSON.stringify(ids), needle: query.toLowerCase(), limit }) as number[],
    changedBetween: (range: { upTo: number; afterRev: number; afterId: number }, limit: number): StoredContact[] =>
      hydrate(s.changed.all({ ...range, limit }) as ContactRow[]),
    searchIds: (term: string, limit: number): number[] => {
      const length = Array.from(term).length;
      if (length === 0) return [];
      if (length >= 3) return s.trigram.all(ftsPhrase(term), limit) as number[];
      if (/^\+?\d+$/.test(term)) return s.shortDigits.all(term.replace('+', ''), limit) as number[];
      return s.grams.all(gramToken(term), limit) as number[];
    },
    phonesMatching: (keys: readonly string[], extensions: readonly string[]): PhoneHit[] =>
      s.hits.all({ keys: JSON.stringify(keys), extensions: JSON.stringify(extensions) }) as PhoneHit[],
    contactsByIds,
    getDetails,
    countContacts: (): number => s.count.get() as number,
  };
}
