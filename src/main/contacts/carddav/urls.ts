/**
 * Which server URLs the app talks to: https anywhere, plain http only to this machine (a
 * local Radicale, the tests). A password must never cross the network in clear text.
 */
import { CardDavError } from './errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

/** True for https URLs and for http URLs on a loopback host. */
export function isAllowedUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
}

/**
 * What the user typed → the server URL to discover from. A bare host (`dav.example.com`,
 * `127.0.0.1:5232`) gets https, or http when it is this machine.
 * @throws CardDavError `bad-url` / `insecure-url`
 */
export function serverUrlFrom(input: string): URL {
  const text = input.trim();
  if (!text) throw new CardDavError('bad-url', 'no server URL given');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && isLoopback(url)) url.protocol = 'http:';
  } catch {
    throw new CardDavError('bad-url', `not a server URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CardDavError('bad-url', `not a web address: ${JSON.stringify(text)} (use https://…)`);
  }
  if (url.username || url.password) throw new CardDavError('bad-url', 'put the username in --user, not in the URL');
  assertAllowed(url);
  return url;
}

/** @throws CardDavError `insecure-url` for http to another machine. */
export function assertAllowed(url: URL): void {
  if (!isAllowedUrl(url)) {
    throw new CardDavError('insecure-url', `refusing ${url.origin}: only https is allowed (plain http only to this machine)`);
  }
}

/**
 * The path (+ query) of a member href, resolved against the book, in one canonical encoding
 * (decoded, then encoded again by the URL parser): servers may spell the same href `%40` in
 * one answer and `@` in another, and hrefs are compared across listings, multiget answers and
 * deletions.
 */
export function hrefPath(href: string, base: string): string {
  const url = new URL(href, base);
  const segment = (s: string): string => {
    try {
      // Characters that would change the path's structure stay escaped.
      return decodeURIComponent(s).replace(/[/?#%]/g, (c) => encodeURIComponent(c));
    } catch {
      return s; // a malformed escape: kept as sent
    }
  };
  const path = new URL(url.pathname.split('/').map(segment).join('/'), url.origin).pathname;
  return `${path}${url.search}`;
}

/** True when two hrefs name the same collection (a trailing slash or not). */
export function sameCollection(a: string, b: string, base: string): boolean {
  const strip = (h: string) => hrefPath(h, base).replace(/\/+$/, '');
  return strip(a) === strip(b);
}
