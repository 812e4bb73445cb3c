/**
 * Serves the built renderer (`out/renderer`) under `app://softphone/`, a privileged standard
 * scheme, instead of `file://`: pages get a real origin (so IPC sender checks and `'self'` mean
 * something), no access to other files, and a CSP response header. The header is computed per
 * request from the configured widget origin: the widget URL is a setting, so the static meta
 * tag in the HTML cannot name it (the meta tag stays as a second, looser layer).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from './csp';
import { APP_HOST, APP_SCHEME } from './urls';

/** The privileges to register before `app.ready` (`protocol.registerSchemesAsPrivileged`). */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps an `app://softphone/...` URL to a file under `root`, or null when the URL is for another
 * host, escapes `root` (`..`, encoded or not), or is otherwise malformed.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

export interface AppProtocolDeps {
  protocol: Pick<Protocol, 'handle'>;
  /** The built renderer folder. */
  root: string;
  /** The current widget origin, read per request. */
  widgetOrigin: () => string;
  log: (message: string) => void;
}

/** Builds the response for one request (exported for tests). */
export async function serveAppRequest(deps: Omit<AppProtocolDeps, 'protocol'>, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppPath(deps.root, request.url);
  if (!file) {
    deps.log(`app protocol refused: ${request.url}`);
    return new Response(null, { status: 403 });
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response(null, { status: 404 });
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = contentSecurityPolicy(deps.widgetOrigin());
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** Registers the `app:` handler on the (default) session's protocol. Call after `app.ready`. */
export function handleAppProtocol(deps: AppProtocolDeps): void {
  deps.protocol.handle(APP_SCHEME, (request) => serveAppRequest(deps, request));
}
