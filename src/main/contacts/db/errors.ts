/**
 * Errors the database layer throws. They are matched by `name`, not `instanceof`, because
 * they may cross a worker or IPC boundary (see docs/style-and-security.md).
 */

/** The file was written by a newer app version; we refuse it rather than risk damaging it. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';

  constructor(
    readonly found: number,
    readonly supported: number,
    readonly path?: string,
  ) {
    super(
      `The address book${path ? ` ${path}` : ''} has schema version ${found}, but this app ` +
        `supports up to version ${supported}. Use a newer version of the app; the file was left untouched.`,
    );
  }
}

/** True for a `DatabaseTooNewError`, even one that lost its prototype crossing a boundary. */
export function isDatabaseTooNewError(error: unknown): error is DatabaseTooNewError {
  return error instanceof Error && error.name === 'DatabaseTooNewError';
}

/** The file is not an address book database of ours; it was not opened as one, nor changed. */
export class NotOurDatabaseError extends Error {
  override readonly name = 'NotOurDatabaseError';

  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`${path} is not an address book database (${what}); it was left untouched`);
  }
}

/** True for a `NotOurDatabaseError`, even one that lost its prototype crossing a boundary. */
export function isNotOurDatabaseError(error: unknown): error is NotOurDatabaseError {
  return error instanceof Error && error.name === 'NotOurDatabaseError';
}

/** Our file at an older schema: reading verbs never migrate, so they ask for an upgrade. */
export class DatabaseNeedsUpgradeError extends Error {
  override readonly name = 'DatabaseNeedsUpgradeError';

  constructor(
    readonly path: string,
    found: number,
  ) {
    super(`${path} has an older schema (version ${found}); start the app or run an import once to upgrade it (it was left untouched)`);
  }
}

/** SQLITE_BUSY and its extended codes: another connection holds the write lock past the timeout. */
export const isBusyError = (error: unknown): boolean => /^SQLITE_BUSY/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/** The one line for a write that found another import holding the address book. */
export const ANOTHER_IMPORT_RUNNING = 'another import into this address book is running; try again when it has finished';
