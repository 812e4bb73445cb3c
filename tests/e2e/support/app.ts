/**
 * The e2e fixture: a real SQLite address book in a temp dir, the REAL contact core behind the
 * test bridge, the built renderer in Chromium, and the simulator in its iframe. Tests talk to
 * the simulated widget through `app.sim(...)` and read what it holds with `app.state()`.
 */
import { test as base, expect } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WidgetConfig } from '../../../src/shared/api';
import { openDatabase } from '../../../src/main/contacts/db/open';
import type { Database } from '../../../src/main/contacts/db/open';
import { importFile } from '../../../src/main/contacts/import/importer';
import type { ImportReport } from '../../../src/main/contacts/import/importer';
import { createContactService } from '../../../src/main/contacts/service';
import { createContactStore } from '../../../src/main/contacts/store';
import type { ContactStore } from '../../../src/main/contacts/store';
import type { SimulatedWidget } from '../../simulator/widget';
import type { SimulatorState } from '../../simulator/widget-state';
import { installBridge } from './bridge';
import type { Bridge } from './bridge';
import { startServers } from './servers';
import type { Servers } from './servers';

export const SERVICE_NAME = 'ContactsSoftphone';
/** Small pages, so a few dozen contacts already take several `/contacts` pages. */
export const PAGE_SIZE = 20;
export { expect };

/** Errors that mean "the simulator frame is between two documents". */
const RELOADING = /Execution context was destroyed|frame was detached|frame is not loaded|reading 'state'/;

type SimAction = Exclude<keyof SimulatedWidget, 'state' | 'handleMessage'>;
type SimArgs<K extends SimAction> = Parameters<SimulatedWidget[K]>;

export interface App {
  page: Page;
  bridge: Bridge;
  store: ContactStore;
  db: Database;
  dir: string;
  servers: Servers;
  /** Uncaught errors of the renderer page and its frames. */
  pageErrors: string[];
  /** Loads the renderer; the widget iframe starts and the host registers. */
  open(simulatorQuery?: Record<string, string>): Promise<void>;
  /** Resolves once the simulator's document has fired `load` (its slow subresources are in). */
  loaded(): Promise<void>;
  /** The simulator's frame (the same Frame object across iframe reloads). */
  frame(): Frame;
  state(): Promise<SimulatorState>;
  sim<K extends SimAction>(action: K, ...args: SimArgs<K>): Promise<unknown>;
  /** Imports a real file with the real importer and tells the renderer, as main does. */
  importAndSync(path: string): Promise<ImportReport>;
}

export const test = base.extend<{ app: App }, { servers: Servers }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  servers: [async ({}, use) => {
    const servers = await startServers();
    await use(servers);
    await servers.close();
  }, { scope: 'worker' }],

  app: async ({ page, servers }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-e2e-'));
    const db = openDatabase(join(dir, 'contacts.db'));
    const store = createContactStore({ db });
    const service = createContactService({ store, serviceName: SERVICE_NAME, region: () => 'US', pageSize: PAGE_SIZE });
    let config: WidgetConfig | null = null;
    const bridge = await installBridge(page, {
      service,
      config: () => {
        if (!config) throw new Error('no widget config before app.open()');
        return config;
      },
      appOrigin: servers.renderer.origin,
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const frame = (): Frame => {
      const found = page.frames().find((f) => f.url().startsWith(`${servers.simulator.origin}/app.html`));
      if (!found) throw new Error('the simulator frame is not loaded');
      return found;
    };
    const app: App = {
      page, store, db, dir, servers, bridge, pageErrors,
      async open(simulatorQuery = {}) {
        const query = new URLSearchParams(simulatorQuery).toString();
        config = {
          widgetUrl: `${servers.simulator.url}${query ? `?${query}` : ''}`,
          widgetOrigin: servers.simulator.origin,
          serviceName: SERVICE_NAME,
          serviceDisplayName: 'My contacts',
          contactMatchTtl: 2 * 60 * 60_000,
          contactNoMatchTtl: 5 * 60_000,
        };
        await page.goto(`${servers.renderer.origin}/index.html`);
        await expect.poll(() => page.frames().some((f) => f.url().startsWith(servers.simulator.origin))).toBe(true);
        await expect.poll(async () => (await app.state()).service?.name).toBe(SERVICE_NAME);
        // A logged-in start is announced as logged out first, then logged in (the real pair).
        if (simulatorQuery.loggedIn !== '0') await expect.poll(async () => (await app.state()).loggedIn).toBe(true);
      },
      async loaded() {
        await expect.poll(() => frame().evaluate(() => (globalThis as unknown as { document: { readyState: string } }).document.readyState).catch(() => 'reloading'), { timeout: 20_000 }).toBe('complete');
      },
      frame,
      async state() {
        // While the iframe reloads, the old document is torn down and the new one has not yet
        // booted the simulator: reading state then is retried, never reported as a failure.
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await frame().evaluate(() =>
              (globalThis as unknown as { __simulator: SimulatedWidget }).__simulator.state());
          } catch (error) {
            if (attempt >= 50 || !RELOADING.test(String(error))) throw error;
            await page.waitForTimeout(100);
          }
        }
      },
      sim: (action, ...args) => frame().evaluate(([name, list]) => {
        const sim = (globalThis as unknown as { __simulator: Record<string, (...a: unknown[]) => unknown> }).__simulator;
        return sim[name as string]?.(...(list as unknown[]));
      }, [action, args] as const),
      async importAndSync(path) {
        const report = importFile(store, path, { region: 'US' });
        if (!report.ok) throw new Error(`import failed: ${report.error.message}`);
        await app.bridge.push({ kind: 'sync-contacts', changedNumbers: report.value.changedNumbers });
        return report.value;
      },
    };
    await use(app);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  },
});
