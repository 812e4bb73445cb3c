/**
 * The address book on SQLite: `createContactStore({ db })` gives importers one-transaction
 * source imports and gives the service its reads. Revisions, not clocks, order changes.
 */
import type { Database } from 'better-sqlite3';
import type { ContactDetails } from '../../shared/contact';
import type { ContactRecord } from './model';
import { createImporter } from './store/writer';
import { createReader } from './store/reader';
import { personCard } from './store/person-details';
import { createUnlinkDecisions } from './store/unlink-decisions';
import type { ContactStore, SourceRow } from './store/types';

export type * from './store/types';
export { MAX_CHANGED_NUMBERS } from './store/import-scratch';

export interface ContactStoreDeps {
  db: Database;
  /** Only stamps `sources.last_synced_at`; never used to order changes. */
  clock?: () => Date;
}

/** The source the test and bench helpers write to when none is named. */
export const MANUAL_SOURCE = 'manual:';

// kind: what the source is read from; CardDAV books are `carddav:` sources, the helpers' `manual`.
const SOURCE_COLUMNS = `id, path, CASE format WHEN 'carddav' THEN 'carddav' WHEN 'manual' THEN 'manual' ELSE 'file' END AS kind,
  format, fingerprint, region, last_synced_at AS lastSyncedAt, contact_count AS contactCount,
  added_count AS added, updated_count AS updated, unchanged_count AS unchanged, deleted_count AS deleted, watch = 1 AS watching`;

/** SQLite has no booleans: `watching` comes back as 0 / 1. */
type RawSourceRow = Omit<SourceRow, 'watching'> & { watching: number };
const toSourceRow = (row: RawSourceRow): SourceRow => ({ ...row, watching: row.watching === 1 });
const toSourceRowOrNull = (row: RawSourceRow | undefined): SourceRow | null => (row ? toSourceRow(row) : null);

/** Creates the store over an open, migrated database (see db/open.ts). */
export function createContactStore({ db, clock = () => new Date() }: ContactStoreDeps): ContactStore {
  const importer = createImporter(db, clock);
  const reader = createReader(db);
  const decisions = createUnlinkDecisions(db);
  const sources = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources ORDER BY path`);
  const sourceByPath = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE path = ?`);
  const sourceById = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`);
  // The fingerprint is cleared so the next sync reads the file at its new place in any case.
  const setWatch = db.prepare('UPDATE sources SET watch = ? WHERE id = ?');
  const repath = db.prepare("UPDATE sources SET path = ?, fingerprint = '' WHERE id = ? AND format IN ('vcard', 'csv')");
  const purge = db.prepare('DELETE FROM contacts WHERE deleted = 1 AND rev <= ?');
  const raiseFloor = db.prepare('UPDATE meta SET tombstone_floor = max(tombstone_floor, ?) WHERE id = 1');

  const manual = (path: string) => ({ path, format: 'manual', fingerprint: '' });

  function* allDetails(): IterableIterator<ContactDetails> {
    // Keyset pages rather than one open iterator: the connection stays free between pages.
    let after = 0;
    for (;;) {
      // Every contact of every source, linked or not: an export writes what the files held.
      const page = reader.liveIdsAfter(after, 500);
      if (page.length === 0) return;
      for (const id of page) {
        const details = reader.getDetails(String(id));
        if (details) yield details;
      }
      after = page[page.length - 1]!;
    }
  }

  return {
    syncState: reader.syncState,
    importSource: (info, fill) => importer.run({ ...info, tombstoneUnseen: true }, ({ upsert }) => fill({ upsert })),
    applySourceChanges: (info, fill) => importer.run({ ...info, tombstoneUnseen: false }, fill),
    ensureSource: importer.ensureSource,
    upsertContacts: (records: readonly ContactRecord[], sourcePath = MANUAL_SOURCE) =>
      importer.run({ ...manual(sourcePath), tombstoneUnseen: false }, ({ upsert }) => records.forEach((r) => upsert(r))),
    deleteContacts: (sourceKeys: readonly string[], sourcePath = MANUAL_SOURCE) =>
      importer.run({ ...manual(sourcePath), tombstoneUnseen: false, deleteKeys: sourceKeys }, () => {}),
    listSources: () => (sources.all() as RawSourceRow[]).map(toSourceRow),
    getSource: (path: string) => toSourceRowOrNull(sourceByPath.get(path) as RawSourceRow | undefined),
    getSourceById: (id: number) => toSourceRowOrNull(sourceById.get(id) as RawSourceRow | undefined),
    setSourceWatching: (id: number, watching: boolean) => setWatch.run(watching ? 1 : 0, id).changes === 1,
    // The source's unlink decisions follow the file (they name it by path).
    repathSource: (id: number, path: string) =>
      db.transaction((): 'ok' | 'not-found' | 'taken' => {
        const other = sourceByPath.get(path) as RawSourceRow | undefined;
        if (other) return other.id === id ? 'ok' : 'taken';
        const from = (sourceById.get(id) as RawSourceRow | undefined)?.path;
        if (from === undefined || repath.run(path, id).changes !== 1) return 'not-found';
        decisions.repath(from, path);
        return 'ok';
      })(),
    removeSource: importer.removeSource,
    getDetails: reader.getDetails,
    getPerson: (id: string) => {
      if (!/^\d{1,15}$/.test(id)) return null;
      const person = reader.personOf(Number(id));
      if (person === null) return null;
      const ids = reader.partsOf(person);
      const partIds = ids.length ? ids : [person];
      const parts = partIds.flatMap((part) => reader.getDetails(String(part)) ?? []);
      const apart = decisions.keptApart(partIds).flatMap((other) => reader.getDetails(String(other)) ?? []);
      return parts.length ? personCard(parts, apart) : null;
    },
    unlink: importer.unlink,
    link: importer.link,
    allDetails,
    countContacts: reader.countContacts,
    purgeTombstones: (revision: number) =>
      db.transaction(() => {
        const removed = purge.run(revision).changes;
        raiseFloor.run(revision);
        return removed;
      })(),
    liveAfter: reader.liveAfter,
    changedBetween: reader.changedBetween,
    searchIds: reader.searchIds,
    namePrefixIds: reader.namePrefixIds,
    phonesMatching: reader.phonesMatching,
    contactsByIds: reader.contactsByIds,
    searchCandidates: reader.searchCandidates,
  };
}
