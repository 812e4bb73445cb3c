/**
 * Finding a user's address books from a server URL or bare host, as RFC 6764 and RFC 6352
 * describe it: `/.well-known/carddav` (tsdav's serviceDiscovery), then `current-user-principal`,
 * then `addressbook-home-set`, then the address-book collections in that home. All of it is
 * tsdav; this module only feeds it the guarded fetch and turns its soft failures into errors.
 */
import { fetchAddressBooks, fetchHomeUrl, fetchPrincipalUrl, serviceDiscovery, type DAVAccount } from 'tsdav';
import { CardDavError } from './errors';
import { serverUrlFrom } from './urls';

export interface Credentials {
  username: string;
  password: string;
}

export interface RemoteBook {
  url: string;
  displayName: string;
  ctag: string | null;
  syncToken: string | null;
  /** The server lists `sync-collection` among the book's reports (RFC 6578). */
  supportsSync: boolean;
}

export interface Discovered {
  serverUrl: string;
  rootUrl: string;
  principalUrl: string;
  homeUrl: string;
  books: RemoteBook[];
}

/** What every request needs: the guarded fetch and the Authorization header. */
export interface Connection {
  fetch: typeof fetch;
  headers: Record<string, string>;
}

/**
 * Basic authentication built here rather than with tsdav's getBasicAuthHeaders: that one
 * encodes with btoa, which throws on a password outside Latin-1; RFC 7617 says UTF-8.
 */
export function basicAuth({ username, password }: Credentials): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}` };
}

/** tsdav values come through its type guessing ("42" becomes 42); text fields stay text. */
export const text = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'object' && value && '_cdata' in value) return String((value as { _cdata: unknown })._cdata);
  if (typeof value === 'object') return null;
  return String(value);
};

/** tsdav reports "cannot find …" as plain Errors; a CardDavError (network, 401, HTML) is kept. */
function asDiscoveryError(error: unknown, what: string, url: string): CardDavError {
  if (error instanceof CardDavError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid credentials|401/i.test(message)) return new CardDavError('auth', `${new URL(url).origin} refused the username or password (401)`);
  return new CardDavError('not-carddav', `${url}: no CardDAV ${what} found (is this a CardDAV server?)`);
}

/** The address books of the account at `server` (a URL or a bare host). */
export async function discover(server: string, connection: Connection): Promise<Discovered> {
  const serverUrl = serverUrlFrom(server).href;
  const { fetch, headers } = connection;
  const account: DAVAccount = { serverUrl, accountType: 'carddav' };
  account.rootUrl = await serviceDiscovery({ account, headers, fetch });
  try {
    account.principalUrl = await fetchPrincipalUrl({ account, headers, fetch });
  } catch (error) {
    // A .well-known redirect that leads nowhere useful: try the URL the user gave.
    if (error instanceof CardDavError || account.rootUrl === serverUrl) throw asDiscoveryError(error, 'principal', serverUrl);
    account.rootUrl = serverUrl;
    try {
      account.principalUrl = await fetchPrincipalUrl({ account, headers, fetch });
    } catch (again) {
      throw asDiscoveryError(again, 'principal', serverUrl);
    }
  }
  try {
    account.homeUrl = await fetchHomeUrl({ account, headers, fetch });
  } catch (error) {
    throw asDiscoveryError(error, 'address-book home', account.principalUrl);
  }
  let found: Awaited<ReturnType<typeof fetchAddressBooks>>;
  try {
    found = await fetchAddressBooks({ account, headers, fetch });
  } catch (error) {
    throw asDiscoveryError(error, 'address books', account.homeUrl);
  }
  const books = found.map((b) => ({
    url: b.url,
    displayName: text(b.displayName) ?? decodeURIComponent(new URL(b.url).pathname.split('/').filter(Boolean).pop() ?? b.url),
    ctag: text(b.ctag),
    syncToken: text(b.syncToken),
    supportsSync: (b.reports ?? []).includes('syncCollection'),
  }));
  books.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.url.localeCompare(b.url));
  return { serverUrl, rootUrl: account.rootUrl, principalUrl: account.principalUrl, homeUrl: account.homeUrl, books };
}
