/**
 * What a file on the database path is, decided before SQLite ever opens it. Opening a file with
 * SQLite is not read-only in effect: a read-only connection to a WAL database creates and leaves
 * `-wal` and `-shm` files next to it, and a write connection switches the file to WAL and writes
 * our schema into it. So the 100-byte SQLite header is read with plain file I/O, and a file that
 * is not ours is refused without SQLite touching it:
 * - our files carry APPLICATION_ID in the header (set on every write open);
 * - a file written before the id existed is recognised by its tables, read from a private copy
 *   when it is in WAL mode (so its side files stay as they are), or directly otherwise.
 */
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';

/** "CSPH" (Contacts Softphone), in the header's application_id field (offset 68). */
export const APPLICATION_ID = 0x43535048;

export type FileKind =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'sqlite'; userVersion: number; applicationId: number; pages: number; wal: boolean };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Reads the header of the file at `path` without opening it as a database. */
export function inspectFile(path: string): FileKind {
  if (!existsSync(path)) return { kind: 'missing' };
  if (statSync(path).size === 0) return { kind: 'empty' };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || !header.subarray(0, 16).equals(MAGIC)) return { kind: 'not-sqlite' };
  return {
    kind: 'sqlite',
    // Offsets from https://www.sqlite.org/fileformat.html#the_database_header
    userVersion: header.readInt32BE(60),
    applicationId: header.readInt32BE(68),
    pages: header.readUInt32BE(28),
    wal: header[18] === 2 || header[19] === 2,
  };
}

/** What only SQLite can tell about a file: its schema and the header fields as of its WAL. */
export interface Probe {
  userVersion: number;
  applicationId: number;
  tables: string[];
}

/**
 * Reads the file with SQLite without creating anything next to it: a file in WAL mode (whose
 * `-wal` may hold a newer header and schema than the main file) is read from a private copy.
 */
export function probeFile(path: string, wal: boolean): Probe {
  const read = (file: string): Probe => {
    const db = new Sqlite(file, { readonly: true, fileMustExist: true });
    try {
      return {
        userVersion: db.pragma('user_version', { simple: true }) as number,
        applicationId: db.pragma('application_id', { simple: true }) as number,
        tables: db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
      };
    } finally {
      db.close();
    }
  };
  if (!wal) return read(path);
  const dir = mkdtempSync(join(tmpdir(), 'contacts-probe-'));
  try {
    const copy = join(dir, 'probe.sqlite3');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    return read(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the `-wal` next to the file holds frames: the main file's header may be stale. */
export const walHasFrames = (path: string): boolean => existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;

/** The tables every version of our schema has. */
const OUR_TABLES = ['meta', 'sources', 'contacts', 'phones'];

/** True when a list of tables is our schema. */
export const isOurSchema = (tables: readonly string[]): boolean => OUR_TABLES.every((t) => tables.includes(t));
