/**
 * Trust decisions about URLs: pure, electron-free, and table-tested. Every check parses with
 * `new URL()` and compares exact origins, never `startsWith`, because
 * `https://apps.ringcentral.com.evil.example` and `https://apps.ringcentral.com@evil.example`
 * both start with the trusted string.
 */

/** Our own pages are served under this privileged custom scheme (see app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'softphone';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** RingCentral's OAuth and SSO pages the widget's sign-in popup and iframe may visit. */
export const RINGCENTRAL_SIGN_IN_ORIGINS: readonly string[] = [
  'https://login.ringcentral.com',
  'https://service.ringcentral.com',
  'https://platform.ringcentral.com',
  'https://platform.devtest.ringcentral.com',
  'https://login.devtest.ringcentral.com',
  'https://sso.ringcentral.com',
];

/** Parses a URL, or returns null; also refuses credentials (`user@host`) outright. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  // A NUL or other control character has no business in a URL we act on.
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

/** The origin of an http(s) URL, or null (an `opaque` origin is never trusted). */
export function originOf(raw: unknown): string | null {
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  return url.origin;
}

/**
 * True for one of our own pages: the app origin (`app://softphone`), or the dev server's
 * origin when one is passed (electron-vite dev only).
 */
export function isAppUrl(raw: unknown, appOrigin: string = APP_ORIGIN): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:`) return `${url.protocol}//${url.host}` === appOrigin;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === appOrigin;
}

/** True when `origin` (an origin string, not a URL) is exactly the widget's origin. */
export function isWidgetOrigin(origin: unknown, widgetOrigin: string): boolean {
  if (typeof origin !== 'string') return false;
  const canonical = originOf(origin);
  // An origin has no path: `https://x/` canonicalises to `https://x`, anything longer is not one.
  return canonical !== null && canonical === widgetOrigin && origin.replace(/\/$/, '') === canonical;
}

/** True for any page on the widget's origin (the app itself, its redirect page, its assets). */
export function isWidgetUrl(raw: unknown, widgetOrigin: string): boolean {
  const origin = originOf(raw);
  return origin !== null && origin === widgetOrigin;
}

/**
 * True for the widget's OAuth pages: RingCentral's login hosts over https, and the widget
 * origin's own redirect page (the popup ends there and talks to its opener).
 */
export function isWidgetSignInUrl(
  raw: unknown,
  widgetOrigin: string,
  /** More https origins to trust, e.g. the configured `appServer` (a sandbox platform). */
  extraOrigins: readonly string[] = [],
): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.protocol === 'https:' && (RINGCENTRAL_SIGN_IN_ORIGINS.includes(url.origin) || extraOrigins.includes(url.origin))) {
    return true;
  }
  return isWidgetUrl(raw, widgetOrigin) && /\/redirect\.html$/.test(url.pathname);
}

/** True for a link we may hand to the system browser: a clean http(s) URL with a host. */
export function isSafeExternalUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // Backticks and `$(` are how a URL turns into a shell command in a careless handler downstream.
  if (/[`]|\$\(/.test(decodeURIComponentSafe(url.href))) return false;
  return url.hostname.length > 0;
}

/**
 * An acceptable widget origin for the settings: https, or plain http on loopback only (a
 * local widget simulator during testing).
 */
export function isAcceptableWidgetOrigin(origin: string): boolean {
  const url = parseUrl(origin);
  if (!url || url.origin !== origin) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
