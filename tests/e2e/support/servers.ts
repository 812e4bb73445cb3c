/**
 * The three origins of the e2e suite: the built renderer (with the app's CSP as a header),
 * the widget simulator on another origin, and a "hostile" origin that serves a page which
 * tries to talk to the renderer. The simulator is served as `localhost` and the renderer as
 * `127.0.0.1`: a different SITE, so the widget frame is third-party as the real one is under
 * `app://softphone`, and its storage depends on the browser allowing third-party storage
 * (playwright.config.ts sets Chromium up the way Electron is).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy } from '../../../src/main/security/csp';
import { startSimulatorServer } from '../../simulator/serve';
import type { SimulatorServer } from '../../simulator/serve';
import { HOSTILE_PAGE } from './hostile-page';
import { startStaticServer } from './static-server';
import type { RunningServer } from './static-server';

export interface Servers {
  renderer: RunningServer;
  simulator: SimulatorServer;
  hostile: RunningServer;
  close(): Promise<void>;
}

export const RENDERER_ROOT = join(__dirname, '..', '..', '..', 'out', 'renderer');

export async function startServers(): Promise<Servers> {
  if (!existsSync(join(RENDERER_ROOT, 'index.html'))) {
    throw new Error(`no built renderer at ${RENDERER_ROOT}: run \`npm run build\` first (npm test does)`);
  }
  const simulator = await startSimulatorServer({ port: 0, hostname: 'localhost' });
  const renderer = await startStaticServer({ root: RENDERER_ROOT, csp: contentSecurityPolicy(simulator.origin) });
  const hostile = await startStaticServer({ root: join(__dirname, 'empty'), pages: { '/hostile.html': HOSTILE_PAGE } });
  return {
    renderer,
    simulator,
    hostile,
    async close() {
      await Promise.all([renderer.close(), simulator.close(), hostile.close()]);
    },
  };
}
