import { join } from 'node:path';
import { manyPeople, writeVcard } from './support/address-books';
import { expect, PAGE_SIZE, SERVICE_NAME, test } from './support/app';

test.describe('scenario 1: widget start', () => {
  test('registers once per widget start and loads the full list across several pages', async ({ app }) => {
    const people = manyPeople(PAGE_SIZE * 3 + 7);
    const file = join(app.dir, 'bulk.vcf');
    writeVcard(file, people);
    await app.importAndSync(file);

    await app.open();
    await expect.poll(async () => (await app.state()).fetches[0]?.outcome).toBe('replace');
    let state = await app.state();
    expect(state.contacts).toHaveLength(people.length);
    expect(state.contacts.every((c) => c.type === SERVICE_NAME)).toBe(true);
    expect(state.fetches[0]?.sentTimestamp).toBeNull();
    expect(state.fetches[0]?.pages.length).toBe(4);
    expect(state.fetches[0]?.pages[0]).toBe(1);
    expect(state.syncTimestamp).toBeTruthy();
    expect(state.registrations).toEqual([{ name: SERVICE_NAME, accepted: true, reason: 'registered' }]);

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
    await expect.poll(async () => (await app.state()).fetches[0]?.outcome).toBe('replace');
    state = await app.state();
    expect(state.registrations).toEqual([{ name: SERVICE_NAME, accepted: true, reason: 'registered' }]);
    expect(state.fetches[0]?.sentTimestamp).toBeNull();
    expect(state.contacts).toHaveLength(people.length);
    expect(state.errors).toEqual([]);

    // Main can also reload the widget (a settings change): the host resets its flag again.
    await app.bridge.push({ kind: 'reload-widget' });
    await expect.poll(async () => (await app.state()).pageStarts).toBe(3);
    await expect.poll(async () => (await app.state()).fetches[0]?.outcome).toBe('replace');
    state = await app.state();
    expect(state.registrations).toEqual([{ name: SERVICE_NAME, accepted: true, reason: 'registered' }]);
    expect(state.errors).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
