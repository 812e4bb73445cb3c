/**
 * Errors cross every boundary (IPC, the widget bridge, the CLI) as data, never as thrown
 * exceptions, so a bad request can never take a process down.
 */
export const ERROR_CODES = [
  'bad-request',
  'unknown-path',
  'forbidden-sender',
  'not-found',
  'not-an-address-book',
  'import-failed',
  'database-too-new',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
