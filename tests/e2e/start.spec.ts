import { chromium } from '@playwright/test';
import { join } from 'node:path';
import type { SimulatorState } from '../simulator/widget-state';
import { manyPeople, writeVcard } from './support/address-books';
import { expect, PAGE_SIZE, SERVICE_NAME, test } from './support/app';
import type { App } from './support/app';
import { RENDERER_ROOT } from './support/servers';
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

  test('where third-party storage is blocked the widget dies at start, as the real one does', async ({ servers }) => {
    // A page on another site framing the simulator, in a browser that blocks third-party
    // storage (Debian Chromium's default, forced on here): its localStorage read throws.
    const host = await startStaticServer({ root: RENDERER_ROOT, pages: { '/framing.html': `<!doctype html><script>
      window.received = []; addEventListener('message', (e) => received.push(e.data && e.data.type));
      </script><iframe src="${servers.simulator.url}?loggedIn=0&startDelay=0"></iframe>` } });
    const { launchOptions } = test.info().project.use;
    const browser = await chromium.launch({ ...launchOptions, args: ['--no-sandbox', '--enable-features=TrackingProtection3pcd'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
      await page.goto(`${host.origin}/framing.html`);
      await expect.poll(() => errors.join('\n')).toContain('SecurityError');
      expect(await page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received)).not.toContain('rc-login-status-notify');
    } finally {
      await browser.close();
      await host.close();
    }
  });
});
