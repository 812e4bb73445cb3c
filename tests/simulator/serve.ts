/**
 * Serves the widget simulator: `app.html` (like the real widget's entry), its stylesheet, and
 * its TypeScript bundled on the fly with esbuild, so there is no build step to forget.
 * Used by the e2e suite (on an origin other than the renderer's) and by `npm run simulator`
 * for an offline demo: point the app's widget URL at `http://127.0.0.1:PORT/app.html`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface SimulatorServer {
  /** e.g. `http://127.0.0.1:8765` */
  origin: string;
  /** The page to load in the iframe: `${origin}/app.html`. */
  url: string;
  close(): Promise<void>;
}

export interface SimulatorServerOptions {
  port?: number;
  /** The host name used in `origin` (the socket listens on 127.0.0.1 either way). */
  hostname?: '127.0.0.1' | 'localhost';
}

const SLOW_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'main.browser.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'chrome110',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no simulator bundle');
  return file.text;
}

/** Starts the server; port 0 picks a free one. */
export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const script = await bundle();
  const files: Record<string, { type: string; body: string }> = {
    '/app.html': { type: 'text/html; charset=utf-8', body: readFileSync(join(__dirname, 'index.html'), 'utf8') },
    '/simulator.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(__dirname, 'simulator.css'), 'utf8') },
    '/simulator.js': { type: 'text/javascript; charset=utf-8', body: script },
  };
  files['/'] = files['/app.html'] as { type: string; body: string };
  files['/index.html'] = files['/app.html'] as { type: string; body: string };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/slow.svg' && req.method === 'GET') {
      // A subresource that holds the page's `load` back (`slowResource=ms`).
      const ms = Math.min(Number(url.searchParams.get('ms')) || 0, 30_000);
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' }).end(SLOW_SVG), ms);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    const file = files[path];
    if (!file || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.hostname ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    url: `${origin}/app.html`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function portFromArgs(argv: string[]): number {
  const index = argv.indexOf('--port');
  const value = index >= 0 ? Number(argv[index + 1]) : 8765;
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`invalid --port ${String(argv[index + 1])}`);
  return value;
}

if (require.main === module) {
  startSimulatorServer({ port: portFromArgs(process.argv) }).then(
    (s) => console.log(`Widget simulator: ${s.url}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
