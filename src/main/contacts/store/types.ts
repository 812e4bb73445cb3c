/**
 * The store's public shapes: what importers write through and what the service reads.
 */
import type { ContactDetails, PersonDetails, PhoneType } from '../../../shared/contact';
import type { ContactRecord, UpsertOutcome } from '../model';
import type { RankNames } from './rank-names';

export type SourceFormat = 'vcard' | 'csv' | 'carddav';

export interface SourceInfo {
  path: string;
  format: SourceFormat;
  /** Whatever identifies the file's content (hash, size + mtime); stored for the next sync. */
  fingerprint: string;
  /** The region numbers were read in (null: none), stored for the next sync; absent leaves it. */
  region?: string | null;
  /**
   * Asked inside the transaction, after `fill`, when contacts the file no longer holds are about
   * to become tombstones: `count` of them, out of `existing` live contacts the source had before.
   * False holds them back: they stay live, and the source keeps its previous fingerprint so the
   * next sync reads the file again. Absent: they are deleted.
   */
  allowDeletions?: (pending: { count: number; existing: number }) => boolean;
}

/** Handed to an import's `fill`: every record the source holds goes through `upsert`. */
export interface SourceWriter {
  /** Inserts or updates by (source, record.sourceKey), keeping the contact's id. */
  upsert(record: ContactRecord): UpsertOutcome;
}

/** Handed to `applySourceChanges`' fill: changes to some contacts of a source, the rest untouched. */
export interface SourceChangeWriter extends SourceWriter {
  /** Tombstones the live contact with this key; false when there is none. */
  remove(sourceKey: string): boolean;
}

export interface SourceImportResult {
  sourceId: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /**
   * E.164 numbers added, changed or removed (deduplicated): re-match these in the widget.
   * At most MAX_CHANGED_NUMBERS (store/import-scratch.ts); `changedNumbersTotal` is the true count.
   */
  changedNumbers: string[];
  /** How many numbers changed in all; more than `changedNumbers.length` when the list was capped. */
  changedNumbersTotal: number;
  /** Contacts no longer in the file that were kept because `allowDeletions` said no (0 when none). */
  heldBack?: number;
}

export interface SourceRow {
  id: number;
  path: string;
  /** `file` (vCard / CSV), `carddav` (an address book on a server) or `manual` (test helpers). */
  kind: 'file' | 'carddav' | 'manual';
  format: string;
  fingerprint: string;
  /** The region the source's numbers were read in at its last import; null when none. */
  region: string | null;
  lastSyncedAt: string | null;
  contactCount: number;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Synced by itself when its file changes (file sources). */
  watching: boolean;
}

/** Where the revision counter stands: what syncTimestamps and cursors are made of. */
export interface SyncState {
  databaseId: string;
  revision: number;
  /** Deletions at revisions above this are all still on record as tombstones. */
  tombstoneFloor: number;
}

export interface StoredPhone {
  raw: string;
  e164: string | null;
  extension: string | null;
  type: PhoneType;
  label: string | null;
}

/** One contact row as the service needs it to build a widget contact or a tombstone. */
export interface StoredContact {
  id: number;
  rev: number;
  deleted: boolean;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  jobTitle: string | null;
  /** The photo URL, or null when there is none or it is an inline photo too big for the widget. */
  avatar: string | null;
  /**
   * The id of the person this contact is linked into (store/links.ts), the smallest of its
   * contacts' ids; null when it is not linked. A person's reads carry every linked contact's
   * numbers and e-mails; a contact linked under another id is hidden from the widget.
   */
  person: number | null;
  phones: StoredPhone[];
  emails: string[];
}

/** What search ranks a candidate on before reading the few it returns in full. */
export interface SearchCandidate {
  id: number;
  /** The id the widget knows the contact's person by (its own when not linked). */
  person: number;
  /** Folded names and company (store/rank-names.ts). */
  names: RankNames;
  /**
   * Its numbers and e-mails as stored (store/card.ts), or null when its folded names or company
   * hold the term searched for: they then decide its rank.
   */
  card: string | null;
}

/** A stored phone that answered one of the match keys. */
export interface PhoneHit {
  contactId: number;
  matchKey: string;
  extension: string | null;
}

export interface ContactStore {
  syncState(): SyncState;
  /** Runs `fill` in one transaction; unseen contacts of the source become tombstones. */
  importSource(info: SourceInfo, fill: (writer: SourceWriter) => void): SourceImportResult;
  /**
   * Runs `fill` in one transaction for a source that reports changes rather than its whole
   * content (a CardDAV sync): contacts it neither upserts nor removes stay as they are.
   */
  applySourceChanges(info: SourceInfo, fill: (writer: SourceChangeWriter) => void): SourceImportResult;
  /** The id of the source at `path`, creating an empty, never-synced row when there is none. */
  ensureSource(path: string, format: SourceFormat): number;
  /** Test and bench helper: upserts without tombstoning the source's other contacts. */
  upsertContacts(records: readonly ContactRecord[], sourcePath?: string): SourceImportResult;
  /** Test and bench helper: tombstones the given source keys of a source. */
  deleteContacts(sourceKeys: readonly string[], sourcePath?: string): SourceImportResult;
  listSources(): SourceRow[];
  getSource(path: string): SourceRow | null;
  getSourceById(id: number): SourceRow | null;
  /**
   * Points a file source at a new path (its file was moved): its contacts and their ids stay,
   * and the next sync re-reads the file there. `taken` when another source has that path.
   */
  repathSource(id: number, path: string): 'ok' | 'not-found' | 'taken';
  /** Turns following the file on or off; false when there is no such source. */
  setSourceWatching(id: number, watching: boolean): boolean;
  /** Tombstones the source's contacts and forgets the source; null if there is none. */
  removeSource(id: number): SourceImportResult | null;
  getDetails(id: string): ContactDetails | null;
  /**
   * The contact window's card for the person contact `id` belongs to (a hidden contact's id
   * finds its person too): the linked contacts merged, each value with the parts holding it.
   */
  getPerson(id: string): PersonDetails | null;
  /**
   * Takes contact `id` out of the person it is linked into, for good: the decision is kept by
   * source path and source key, so re-imports (even of a removed and re-added file or book) do
   * not link them again. Null when it is not linked;
   * otherwise the numbers whose caller-ID answer changed.
   */
  unlink(id: number): { changedNumbers: string[]; changedNumbersTotal: number } | null;
  /**
   * Undoes unlinks: forgets the decisions keeping contact `id` apart from the contacts of
   * `withId`'s person (both persons' parts), or without `withId` every decision naming `id`,
   * and relinks their name: they are one person again if they still share a number or e-mail.
   * Null when there was no such decision; otherwise the numbers whose caller-ID answer changed.
   */
  link(id: number, withId?: number): { changedNumbers: string[]; changedNumbersTotal: number } | null;
  /** Every live contact, read in pages so memory stays flat however big the book. */
  allDetails(): IterableIterator<ContactDetails>;
  countContacts(): number;
  /** Forgets tombstones at or below `revision`; older syncTimestamps become stale. */
  purgeTombstones(revision: number): number;
  /** Live contacts the widget sees (people once, under their id) with id > afterId, by id. */
  liveAfter(afterId: number, limit: number): StoredContact[];
  /** Contacts (live or tombstoned) changed in (since, upTo], after (afterRev, afterId), by (rev, id). */
  changedBetween(range: { upTo: number; afterRev: number; afterId: number }, limit: number): StoredContact[];
  /** Candidate ids for a folded term, by id (any length: trigram or 1-2-gram index). */
  searchIds(foldedTerm: string, limit: number): number[];
  /** Contacts whose folded display name begins with the folded term, by name. */
  namePrefixIds(foldedTerm: string, limit: number): number[];
  /** Phones whose match key is one of `keys` or whose extension is one of `extensions`. */
  phonesMatching(keys: readonly string[], extensions: readonly string[]): PhoneHit[];
  /** The live contacts with these ids, in the order given; a person's carries its linked contacts' values. */
  contactsByIds(ids: readonly number[]): StoredContact[];
  /** These live contacts as search ranks them (no order). */
  searchCandidates(ids: readonly number[], foldedTerm: string): SearchCandidate[];
}
