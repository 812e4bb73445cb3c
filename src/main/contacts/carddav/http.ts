/**
 * The `fetch` every tsdav call is given (tsdav takes a `fetch` per request). It adds what
 * tsdav leaves to the caller:
 * - a timeout on every request, body included (AbortSignal.timeout);
 * - the URL rule (https, or http to this machine) on the first URL and on every redirect,
 *   and redirects followed only within it (an https server cannot send us to http);
 * - a cap on the size of a response, read incrementally, so a runaway server cannot fill memory;
 * - one clear error for what tsdav would otherwise return as an empty success: 401, 403,
 *   5xx, and a 2xx WebDAV answer that is not XML (an HTML login page of a proxy, a portal).
 * Other statuses (404 during discovery, 403/409 for a stale sync token) pass through for
 * the caller to judge.
 */
import { fetch as undiciFetch } from 'undici';
import { CardDavError } from './errors';
import { assertAllowed } from './urls';

export interface HttpOptions {
  /** Per request, from sending to the last byte of the body. */
  timeoutMs: number;
  /** Largest response body accepted. */
  maxBytes: number;
  /** The fetch underneath (default: undici's, see `baseFetch`). */
  fetch?: typeof fetch;
  /** Called before each request goes out (progress; tests use it to stop the server mid-sync). */
  onRequest?: (method: string, url: string) => void;
}

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 30_000, maxBytes: 64 * 1024 * 1024 };

const MAX_REDIRECTS = 5;
const DAV_METHODS = new Set(['PROPFIND', 'REPORT']);

const methodOf = (init: RequestInit | undefined): string => (init?.method ?? 'GET').toUpperCase();

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new CardDavError('too-large', `${url}: the answer is too large (${declared} bytes)`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new CardDavError('too-large', `${url}: the answer is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function networkError(error: unknown, url: string, timeoutMs: number): CardDavError {
  if (error instanceof CardDavError) return error;
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    return new CardDavError('timeout', `${new URL(url).origin} did not answer within ${limit}`);
  }
  const why = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
  return new CardDavError('unreachable', `cannot reach ${new URL(url).origin} (${why})`);
}

function statusError(status: number, url: string): CardDavError | null {
  const where = new URL(url).origin;
  if (status === 401) return new CardDavError('auth', `${where} refused the username or password (401)`);
  if (status === 403) return new CardDavError('forbidden', `${where} refused access to ${new URL(url).pathname} (403)`);
  if (status >= 500) return new CardDavError('server-error', `${where} failed with a server error (${status})`);
  return null;
}

/**
 * undici from npm rather than the fetch built into Node (undici 7.29 in Node 24.21): when a
 * server closes the connection (Radicale speaks HTTP/1.0) while a large body is paused by
 * backpressure, the built-in one throws an uncatchable AssertionError (`assert(!this.paused)`,
 * nodejs/undici#5360) that kills the process; seen here syncing a 10,000-card book. Fixed in
 * undici 8.13 (nodejs/undici#5474).
 */
const baseFetch = undiciFetch as unknown as typeof fetch;

/** Builds the guarded fetch. */
export function createHttp(options: HttpOptions): typeof fetch {
  const base = options.fetch ?? baseFetch;
  const guarded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    let method = methodOf(init);
    let body = init?.body;
    const headers = new Headers(init?.headers);
    const manual = init?.redirect === 'manual';
    const origin = url.origin;
    for (let hop = 0; ; hop++) {
      assertAllowed(url);
      options.onRequest?.(method, url.href);
      const signal = init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(options.timeoutMs)])
        : AbortSignal.timeout(options.timeoutMs);
      let response: Response;
      let bytes: Uint8Array;
      try {
        response = await base(url.href, { ...init, method, body, headers, redirect: 'manual', signal });
        bytes = await readCapped(response, options.maxBytes, url.href);
      } catch (error) {
        throw networkError(error, url.href, options.timeoutMs);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && !manual) {
        if (hop >= MAX_REDIRECTS) throw new CardDavError('bad-response', `${origin}: too many redirects`);
        const next = new URL(location, url);
        // Within https only: an https server must not move us (and the password) to http.
        if (url.protocol === 'https:' && next.protocol !== 'https:') {
          throw new CardDavError('insecure-url', `${origin} redirected to ${next.origin}, which is not https; refused`);
        }
        // The password goes only to the origin it was given for (as fetch does on its own).
        if (next.origin !== url.origin) headers.delete('authorization');
        if (response.status === 303) {
          method = 'GET';
          body = undefined;
        }
        url = next;
        continue;
      }
      const failure = statusError(response.status, url.href);
      if (failure) throw failure;
      const type = response.headers.get('content-type') ?? '';
      if (DAV_METHODS.has(method) && response.status >= 200 && response.status < 300 && !/xml/i.test(type)) {
        const what = /html/i.test(type) ? 'a web page (a login page?)' : `"${type || 'no content type'}"`;
        throw new CardDavError('not-carddav', `${origin} answered ${method} with ${what}, not CardDAV`);
      }
      const nullBody = [204, 205, 304].includes(response.status);
      return new Response(nullBody ? null : Buffer.from(bytes), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  };
  return guarded as typeof fetch;
}
