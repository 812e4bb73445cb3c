/**
 * Why a CardDAV operation failed, as one line a person can act on. Every failure of a request
 * (network, timeout, status, a page that is not CardDAV) becomes a `CardDavError`, so callers
 * report `message` and never a stack trace.
 */
export type CardDavErrorCode =
  | 'bad-url'
  | 'insecure-url'
  | 'unreachable'
  | 'timeout'
  | 'auth'
  | 'forbidden'
  | 'server-error'
  | 'not-carddav'
  | 'bad-response'
  | 'too-large'
  | 'no-password'
  | 'not-found';

export class CardDavError extends Error {
  override readonly name = 'CardDavError';
  constructor(
    readonly code: CardDavErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The one-line message of anything thrown during a CardDAV operation. */
export function describeError(error: unknown): string {
  if (error instanceof CardDavError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
