/** Test helper: a real SQLite store in a temporary folder, and a CSV fixture imported into it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import type { ContactDetails } from '../../../../../src/shared/contact';
import { closeDatabase, openDatabase } from '../../../../../src/main/contacts/db/open';
import { importFile, type ImportReport } from '../../../../../src/main/contacts/import/importer';
import { createContactStore, type ContactStore } from '../../../../../src/main/contacts/store';

export const CSV_FIXTURES = new URL('../../../../fixtures/csv/', import.meta.url).pathname;

/** Registers a fresh store per test; `store()` is the current one. */
export function useStore(): { store: () => ContactStore; dir: () => string } {
  let dir = '';
  let db: Database | null = null;
  let store: ContactStore | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'csv-store-'));
    db = openDatabase(join(dir, 'contacts.db'));
    store = createContactStore({ db });
  });
  afterEach(() => {
    if (db) closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });
  return { store: () => store!, dir: () => dir };
}

/** Imports `file` (relative to tests/fixtures/csv, or absolute) in region US. */
export function load(s: ContactStore, file: string): { report: ImportReport; contacts: ContactDetails[] } {
  const r = importFile(s, file.startsWith('/') ? file : join(CSV_FIXTURES, file), { region: 'US' });
  if (!r.ok) throw new Error(r.error.message);
  return { report: r.value, contacts: [...s.allDetails()] };
}
