/**
 * Per-import bookkeeping kept in SQLite TEMP tables instead of JS sets. A 1,000,000-contact
 * import would otherwise hold a million seen ids and about two million changed E.164 strings
 * on the JS heap (~350 MB of the 644 MB peak measured); in TEMP tables they cost pages that
 * SQLite spills to its temp file, and the heap stays flat whatever the size of the file.
 *
 * TEMP tables belong to the connection, so each store (and the import worker's own
 * connection) has its own; they are emptied at the start of every import.
 */
import type { Database } from 'better-sqlite3';

/**
 * Most changed numbers an import returns. The shell posts them to the widget in one
 * `rc-adapter-trigger-contact-match` message, and the widget only re-matches numbers it already
 * tracks (call log, active calls), a few hundred or thousand at most; a bigger list would only
 * make a huge message. When there are more, the shell re-matches the numbers the widget asked
 * for this session instead (src/main/widget-tracked-numbers.ts), and `changedNumbersTotal`
 * says how many there were.
 */
export const MAX_CHANGED_NUMBERS = 10_000;

/** Creates the TEMP tables (once per connection) and the statements over them. */
export function createImportScratch(db: Database) {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_seen (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS import_changed (e164 TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS import_gone (id INTEGER PRIMARY KEY);`);
  const s = {
    clearSeen: db.prepare('DELETE FROM temp.import_seen'),
    clearChanged: db.prepare('DELETE FROM temp.import_changed'),
    clearGone: db.prepare('DELETE FROM temp.import_gone'),
    see: db.prepare('INSERT OR IGNORE INTO temp.import_seen (id) VALUES (?)'),
    changeNumbersOf: db.prepare(
      'INSERT OR IGNORE INTO temp.import_changed (e164) SELECT e164 FROM phones WHERE contact_id = ? AND e164 IS NOT NULL',
    ),
    // Ids are AUTOINCREMENT, so every id above this one was inserted by the running import.
    lastId: db.prepare(`SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'contacts'), 0)`).pluck(),
    numbersFrom: db.prepare(
      'INSERT OR IGNORE INTO temp.import_changed (e164) SELECT e164 FROM phones WHERE contact_id >= ? AND e164 IS NOT NULL',
    ),
    // Unseen live contacts of a source that existed before the import (or all of them, for
    // removeSource: nothing is seen then).
    collectGone: db.prepare(`INSERT INTO temp.import_gone (id) SELECT id FROM contacts
      WHERE source_id = ? AND deleted = 0 AND id < ? AND id NOT IN (SELECT id FROM temp.import_seen)`),
    goneNumbers: db.prepare(`INSERT OR IGNORE INTO temp.import_changed (e164)
      SELECT p.e164 FROM temp.import_gone g JOIN phones p ON p.contact_id = g.id WHERE p.e164 IS NOT NULL`),
    gonePhones: db.prepare('DELETE FROM phones WHERE contact_id IN (SELECT id FROM temp.import_gone)'),
    goneEmails: db.prepare('DELETE FROM emails WHERE contact_id IN (SELECT id FROM temp.import_gone)'),
    goneSearch: db.prepare('DELETE FROM contact_search WHERE rowid IN (SELECT id FROM temp.import_gone)'),
    goneGrams: db.prepare('DELETE FROM contact_grams WHERE rowid IN (SELECT id FROM temp.import_gone)'),
    goneTombstone: db.prepare(`UPDATE contacts SET deleted = 1, rev = ?, content_hash = '', card = NULL, rank_names = NULL, name_key = NULL, person_id = NULL
      WHERE id IN (SELECT id FROM temp.import_gone)`),
    changedTotal: db.prepare('SELECT count(*) FROM temp.import_changed').pluck(),
    changedFirst: db.prepare('SELECT e164 FROM temp.import_changed LIMIT ?').pluck(),
  };

  return {
    /** Empties the tables; call at the start of each import (inside its transaction). */
    reset(): void {
      s.clearSeen.run();
      s.clearChanged.run();
      s.clearGone.run();
    },
    /**
     * The first id a contact inserted from now on gets. Contacts inserted by the import need
     * no bookkeeping row each: they are never unseen, and their numbers are noted in one
     * statement at the end (`noteNumbersFrom`). On a fresh import that is every contact.
     */
    firstNewId: (): number => (s.lastId.get() as number) + 1,
    /** Marks a contact that existed before the import as present in it. */
    see: (id: number): void => void s.see.run(id),
    /** Notes the stored E.164 numbers of a contact (before they change or go, and after). */
    noteNumbersOf: (contactId: number): void => void s.changeNumbersOf.run(contactId),
    /** Notes the E.164 numbers of every contact with an id from `firstId` up (the inserted ones). */
    noteNumbersFrom: (firstId: number): void => void s.numbersFrom.run(firstId),
    /**
     * Collects every live contact of the source not seen in this import (existing before it:
     * id below `firstNewId`) and returns how many there are; nothing is changed yet.
     */
    collectUnseen(sourceId: number, firstNewId: number): number {
      s.clearGone.run();
      return s.collectGone.run(sourceId, firstNewId).changes;
    },
    /** Forgets the collected contacts: they stay as they are. */
    keepCollected: (): void => void s.clearGone.run(),
    /**
     * Tombstones the collected contacts in a fixed number of statements; `rev` is asked for
     * only when there is something to tombstone. Returns how many became tombstones.
     */
    tombstoneCollected(gone: number, rev: () => number): number {
      if (gone === 0) return 0;
      s.goneNumbers.run();
      s.gonePhones.run();
      s.goneEmails.run();
      s.goneSearch.run();
      s.goneGrams.run();
      s.goneTombstone.run(rev());
      s.clearGone.run();
      return gone;
    },
    /** Tombstones every live contact of the source not seen in this import; returns how many. */
    tombstoneUnseen(sourceId: number, firstNewId: number, rev: () => number): number {
      return this.tombstoneCollected(this.collectUnseen(sourceId, firstNewId), rev);
    },
    /** The changed numbers (at most MAX_CHANGED_NUMBERS) and how many there are in all. */
    changed(): { changedNumbers: string[]; changedNumbersTotal: number } {
      const changedNumbersTotal = s.changedTotal.get() as number;
      const changedNumbers = s.changedFirst.all(MAX_CHANGED_NUMBERS) as string[];
      return { changedNumbers, changedNumbersTotal };
    },
  };
}
