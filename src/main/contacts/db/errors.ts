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
