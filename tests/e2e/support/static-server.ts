/**
 * A static file server for the built renderer (`out/renderer`), sending the app's CSP as a
 * header exactly as the app protocol does in Electron, plus a tiny page server for the
 * "hostile" origin. Paths are resolved inside the root only.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  /** Sent as `Content-Security-Policy` on every HTML response. */
  csp?: string;
  /** Extra in-memory pages, by path (e.g. a hostile frame). */
  pages?: Record<string, string>;
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = normalize(options.root);
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const page = options.pages?.[path];
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      const type = page !== undefined ? TYPES['.html'] : TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type as string, 'cache-control': 'no-store' };
      if (options.csp && type?.startsWith('text/html')) headers['content-security-policy'] = options.csp;
      if (page !== undefined) {
        res.writeHead(200, headers).end(page);
        return;
      }
      if (!file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
