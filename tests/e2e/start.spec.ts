import { chromium } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { join } from 'node:path';
import type { SimulatedWidget } from '../simulator/widget';
import type { SimulatorState } from '../simulator/widget-state';
import { manyPeople, writeVcard } from './support/address-books';
import { expect, PAGE_SIZE, SERVICE_NAME, test } from './support/app';
import type { App } from './support/app';
import { appChromiumSwitches } from './support/app-switches';
import { RENDERER_ROOT } from './support/servers';
import type { Servers } from './support/servers';
import { startStaticServer } from './support/static-server';

const registered = { name: SERVICE_NAME, accepted: true, reason: 'registered' };
/** Long enough that the widget announces itself seconds before its document's `load`. */
const SLOW = '3000';

async function importPeople(app: App, count: number): Promise<void> {
  const file = join(app.dir, 'bulk.vcf');
  writeVcard(file, manyPeople(count));
  await app.importAndSync(file);
}

/** The document's one registration took, nothing threw, and the full list arrived. */
async function expectRegisteredOnce(app: App, count: number): Promise<SimulatorState> {
  await expect.poll(async () => (await app.state()).fetches[0]?.outcome).toBe('replace');
  const state = await app.state();
  expect(state.registrations).toEqual([expect.objectContaining(registered)]);
  expect(state.errors).toEqual([]);
  expect(state.contacts).toHaveLength(count);
  return state;
}

test.describe('scenario 1: widget start', () => {
  test('registers once per widget start and loads the full list across several pages', async ({ app }) => {
    const count = PAGE_SIZE * 3 + 7;
    await importPeople(app, count);

    await app.open();
    let state = await expectRegisteredOnce(app, count);
    expect(state.contacts.every((c) => c.type === SERVICE_NAME)).toBe(true);
    expect(state.fetches[0]?.sentTimestamp).toBeNull();
    expect(state.fetches[0]?.pages.length).toBe(4);
    expect(state.fetches[0]?.pages[0]).toBe(1);
    expect(state.syncTimestamp).toBeTruthy();

    // Login and logout re-announce the login status; the host must not register again.
    await app.sim('logout');
    await app.sim('login');
    await app.sim('visitContactsTab');
    state = await app.state();
    expect(state.registrations.filter((r) => r.accepted)).toHaveLength(1);
    expect(state.errors).toEqual([]);
    expect(state.fetches.at(-1)?.outcome).toBe('incremental');

    // A reload is a new widget start: register again, and load everything again.
    await app.frame().evaluate(() => (globalThis as unknown as { location: { reload(): void } }).location.reload());
    await expect.poll(async () => (await app.state()).pageStarts).toBe(2);
    state = await expectRegisteredOnce(app, count);
    expect(state.fetches[0]?.sentTimestamp).toBeNull();

    // Main can also reload the widget (a settings change): the host resets its flag again.
    await app.bridge.push({ kind: 'reload-widget' });
    await expect.poll(async () => (await app.state()).pageStarts).toBe(3);
    await expectRegisteredOnce(app, count);
    expect(app.pageErrors).toEqual([]);
  });

  test('a logged-in start (logged out, then logged in) registers once, and the events a provider ignores harm nothing', async ({ app }) => {
    await importPeople(app, 5);
    await app.open({ loginDelay: '1500' });
    const state = await expectRegisteredOnce(app, 5);
    expect(state.loggedIn).toBe(true);
    const announced = state.log.filter((l) => l.dir === 'out').map((l) => l.type);
    expect(announced).toEqual(expect.arrayContaining(['rc-meeting-status-notify', 'rc-brand-assets-notify', 'rc-adapter-pushAdapterState', 'rc-route-changed-notify']));
    expect(app.bridge.events.filter((e) => e.kind === 'login-status')).toEqual([
      { kind: 'login-status', loggedIn: false }, { kind: 'login-status', loggedIn: true },
    ]);
    expect(app.pageErrors).toEqual([]);
  });

  test('announced after load (offline and fast): registers at the announcement', async ({ app }) => {
    await importPeople(app, 5);
    await app.open({ loggedIn: '0', startDelay: '400' });
    const state = await expectRegisteredOnce(app, 5);
    expect(state.registrations[0]?.loaded).toBe(true);
  });

  test('announced seconds before load (slow subresources): registers at once, and not again at load', async ({ app }) => {
    await importPeople(app, 5);
    await app.open({ slowResource: SLOW });
    const state = await expectRegisteredOnce(app, 5);
    expect(state.registrations[0]?.loaded).toBe(false); // the host did not wait for `load`
    await app.loaded();
    await app.sim('visitContactsTab');
    await expectRegisteredOnce(app, 5);
  });

  for (const loggedIn of ['1', '0']) {
    test(`a self-reload with a slow subresource registers in the new document (logged ${loggedIn === '1' ? 'in' : 'out'})`, async ({ app }) => {
      await importPeople(app, 5);
      await app.open({ loggedIn });
      await expectRegisteredOnce(app, 5);
      // The widget navigates itself: the host did not start it and still holds the old document's state.
      await app.sim('reloadSelf', { slowResource: SLOW }).catch(() => undefined);
      await expect.poll(async () => (await app.state()).pageStarts).toBe(2);
      await app.loaded();
      const state = await expectRegisteredOnce(app, 5);
      expect(state.fetches[0]?.sentTimestamp).toBeNull();
      expect(app.pageErrors).toEqual([]);
    });
  }

  // Chromium 156 denies a cross-site frame its storage where storage is not partitioned
  // (Playwright's default switches turn partitioning off; cookie blocking forced on as well),
  // whether or not TrackingProtection3pcd is then disabled; with partitioning on, the frame
  // gets storage partitioned under the top site even with cookies blocked.
  test('where third-party storage is blocked the widget dies at start, as the real one does', async ({ servers }) => {
    await inFramingPage(servers, ['--enable-features=TrackingProtection3pcd'], async (page, errors) => {
      await expect.poll(() => errors.join('\n')).toContain('SecurityError');
      expect(await received(page)).not.toContain('rc-login-status-notify');
    });
  });

  test('the app\'s switches give the widget frame its storage back where it was started without partitioning and with cookies blocked', async ({ servers }) => {
    const args = ['--enable-features=TrackingProtection3pcd', ...appChromiumSwitches({ 'disable-features': 'ThirdPartyStoragePartitioning' })];
    await inFramingPage(servers, args, async (page, errors) => {
      await expect.poll(() => received(page)).toContain('rc-login-status-notify');
      expect(errors).toEqual([]);
    });
  });

  test('with the app\'s switches the widget frame\'s storage stays partitioned: the widget\'s own site does not share it', async ({ servers }) => {
    // Nothing in the app turns partitioning off: only its own switches, over cookie blocking.
    await inFramingPage(servers, ['--enable-features=TrackingProtection3pcd', ...appChromiumSwitches()], async (page, errors) => {
      await expect.poll(() => received(page)).toContain('rc-login-status-notify');
      expect(errors).toEqual([]);
      const starts = (target: Page | Frame | undefined) =>
        target?.evaluate(() => (globalThis as unknown as { __simulator: SimulatedWidget }).__simulator.state().pageStarts);
      expect(await starts(page.frames().find((f) => f.url().startsWith(servers.simulator.origin)))).toBe(1);
      // The same site opened top-level: its start count begins at 1 again, it saw nothing the frame stored.
      const own = await page.context().newPage();
      await own.goto(`${servers.simulator.url}?loggedIn=0`);
      expect(await starts(own)).toBe(1);
    });
  });
});

const received = (page: Page): Promise<unknown[]> =>
  page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received);

/**
 * A page on another site than the simulator's that frames it, in a Chromium of its own
 * started with `args`; `run` gets the page and its uncaught errors.
 */
async function inFramingPage(servers: Servers, args: string[], run: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const host = await startStaticServer({ root: RENDERER_ROOT, pages: { '/framing.html': `<!doctype html><script>
    window.received = []; addEventListener('message', (e) => received.push(e.data && e.data.type));
    </script><iframe src="${servers.simulator.url}?loggedIn=0&startDelay=0"></iframe>` } });
  const { launchOptions } = test.info().project.use;
  const browser = await chromium.launch({ ...launchOptions, args: ['--no-sandbox', ...args] });
  try {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
    await page.goto(`${host.origin}/framing.html`);
    await run(page, errors);
  } finally {
    await browser.close();
    await host.close();
  }
}
