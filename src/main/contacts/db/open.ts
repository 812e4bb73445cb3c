/**
 * Opening and closing the address book file with the pragmas the app relies on. What is on the
 * path is checked first from the file's header (identify.ts): a file that is not ours (empty,
 * not SQLite, another application's database) is refused before SQLite opens it, so it stays
 * byte-for-byte as it was, side files included. Reading verbs open read-only and never create,
 * migrate or otherwise write.
 */
import Sqlite, { type Database } from 'better-sqlite3';
import { DatabaseNeedsUpgradeError, DatabaseTooNewError, isBusyError, NotOurDatabaseError } from './errors';
import { APPLICATION_ID, inspectFile, isOurSchema, probeFile, walHasFrames, type Probe } from './identify';
import { migrate } from './migrate';
import { LATEST_VERSION } from './migrations';

export { DatabaseTooNewError, isDatabaseTooNewError } from './errors';
export type { Database };

/**
 * How long a writer waits for another to finish before giving up: longer than a large import
 * takes (a million contacts take about a minute on a loaded machine), so a second import waits
 * for the first instead of failing; past it, ANOTHER_IMPORT_RUNNING.
 */
export const WRITE_BUSY_TIMEOUT_MS = 5 * 60 * 1000;

export interface OpenOptions {
  /** Open without writing: no migration, no WAL switch. The file must exist and be ours. */
  readonly?: boolean;
  /** Overrides WRITE_BUSY_TIMEOUT_MS (tests of the second writer). */
  busyTimeoutMs?: number;
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/**
 * Decides from the header whether the file may be opened, throwing when it is not ours. A write
 * open may create the schema where nothing of value is yet (no file, 0 bytes, an SQLite file
 * with nothing in it); a read-only open needs our file at the current schema.
 */
function checkFile(path: string, readonly: boolean): void {
  const file = inspectFile(path);
  const refuse = (what: string): never => {
    throw new NotOurDatabaseError(path, what);
  };
  switch (file.kind) {
    case 'missing':
      if (readonly) refuse('the file does not exist');
      return;
    case 'empty':
      if (readonly) refuse('it is an empty file');
      return;
    case 'not-sqlite':
      return refuse('it is not an SQLite database');
    case 'sqlite':
      break;
  }
  let { userVersion, applicationId } = file;
  let probe: Probe | null = null;
  // A file in WAL mode with frames (a connection is open, or one was killed) may have a newer
  // header in its WAL than on disk; only our own application id can be trusted from disk.
  if (file.wal && applicationId !== APPLICATION_ID && walHasFrames(path)) ({ userVersion, applicationId } = probe = probeFile(path, true));
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    refuse(`it is another application's SQLite database, application id ${hex(applicationId)}`);
  }
  if (userVersion > LATEST_VERSION) throw new DatabaseTooNewError(userVersion, LATEST_VERSION, path);
  if (applicationId === 0) {
    // Our migrations set user_version with the schema in one transaction: version 0 is never ours.
    if (userVersion === 0) {
      const nothing = probe ? probe.tables.length === 0 : file.pages <= 1 && !file.wal;
      if (nothing) {
        if (readonly) refuse('it is an SQLite database with nothing in it');
        return;
      }
      refuse('it is an SQLite database of another application');
    }
    if (!isOurSchema((probe ?? probeFile(path, file.wal)).tables)) refuse('it is an SQLite database of another application');
  }
  if (readonly && userVersion < LATEST_VERSION) throw new DatabaseNeedsUpgradeError(path, userVersion);
}

/**
 * Opens (creating if needed) and migrates the address book at `path`; with `readonly`, opens
 * an up-to-date file of ours without writing anything.
 * @throws DatabaseTooNewError when the file comes from a newer app; NotOurDatabaseError when it
 *   is not an address book of ours; DatabaseNeedsUpgradeError (read-only) for an older schema.
 *   The file is left untouched in each case.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const memory = path === ':memory:' || path === '';
  if (!memory) checkFile(path, options.readonly === true);
  if (options.readonly) {
    const db = new Sqlite(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  }
  const db = new Sqlite(path);
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? WRITE_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 32 MB page cache (default 2 MB): match, search and list touch index pages all over a
    // 100k-contact book; measured 10-25 % faster at 100k.
    db.pragma('cache_size = -32768');
    migrate(db);
    // Marks the file as ours in its header, so later opens recognise it without a probe; the
    // checkpoint puts that header into the main file at once, not at the next checkpoint.
    if (!memory && db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Where closeDatabase reports what it could not do. */
export type CloseLog = (message: string) => void;

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/**
 * Closes the database, leaving statistics fresh and no WAL file behind when it can. Never
 * throws: `optimize` and the checkpoint are housekeeping, and a full disk or a file made
 * read-only must not turn a finished import into a failure; what fails is logged in one line.
 */
export function closeDatabase(db: Database, log: CloseLog = (m) => console.warn(`warning: ${m}`)): void {
  if (!db.open) return;
  if (!db.readonly) {
    try {
      // Housekeeping must not wait minutes behind another import (see WRITE_BUSY_TIMEOUT_MS).
      db.pragma('busy_timeout = 1000');
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      if (!isBusyError(error)) log(`${db.name}: closing without optimize/checkpoint (${firstLine(error)})`);
    }
  }
  try {
    db.close();
  } catch (error) {
    log(`${db.name}: close failed (${firstLine(error)})`);
  }
}
