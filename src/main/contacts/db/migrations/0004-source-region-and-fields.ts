/**
 * Schema version 4: the region each file source was imported with (so every later sync reads
 * its numbers the same way), and the fields files hold beyond names, numbers and emails:
 * nickname, phonetic names, organisation units, dates (birthday, anniversary), postal addresses,
 * URLs and categories, kept together as one JSON document per contact (`extras`), since they are
 * only ever read whole (contact window, export) and searched through the search index.
 *
 * Every file source's fingerprint is cleared: its rows were built by the previous rules (numbers
 * given a country code they were never written with, these fields dropped), so the next sync
 * re-reads every file instead of skipping it as unchanged.
 */
import type { Database } from 'better-sqlite3';

export const version = 4;

export function migrateTo0004(db: Database): void {
  db.exec(`
    -- ISO 3166 code, upper case; NULL when the file was imported with no region at all.
    ALTER TABLE sources ADD COLUMN region TEXT;
    -- JSON (store/extras.ts); NULL when the contact has none of these fields.
    ALTER TABLE contacts ADD COLUMN extras TEXT;
    UPDATE sources SET fingerprint = '' WHERE format IN ('vcard', 'csv');
  `);
}
