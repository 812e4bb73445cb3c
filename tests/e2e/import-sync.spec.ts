import { join } from 'node:path';
import type { SimContact } from '../simulator/types';
import { IPC } from '../../src/shared/ipc';
import { manyPeople, writeOutlookCsv, writeVcard } from './support/address-books';
import type { Person } from './support/address-books';
import { expect, PAGE_SIZE, test } from './support/app';
import type { App } from './support/app';
import { alice, bob, carol, dan, E164, zoe } from './support/people';

const names = (contacts: SimContact[]): string[] => contacts.map((c) => String(c.name)).sort();
const matchedName = async (app: App, number: string): Promise<string | null> => {
  const entry = (await app.state()).matches[number];
  return entry ? String(entry.contacts[0]?.name ?? '(no match)') : null;
};
/** What the database holds, as the widget should end up holding it. */
const liveInDb = (app: App): string[] => [...app.store.allDetails()].map((c) => `${c.id}:${c.displayName}`).sort();
const heldByWidget = async (app: App): Promise<string[]> =>
  (await app.state()).contacts.map((c) => `${String(c.id)}:${String(c.name)}`).sort();

test.describe('scenario 2: importing while the widget runs', () => {
  test('the list gains imported contacts, tracked caller IDs change at once, and a re-import updates and deletes', async ({ app }) => {
    const base = join(app.dir, 'base.vcf');
    writeVcard(base, [alice]);
    await app.importAndSync(base);
    await app.open();
    await expect.poll(async () => names((await app.state()).contacts)).toEqual(['Alice Archer']);

    // A call history: one known number, two the address book does not know yet.
    await app.sim('seedCalls', [E164.alice, E164.bob, E164.dan]);
    expect(await matchedName(app, E164.alice)).toBe('Alice Archer');
    expect(await matchedName(app, E164.bob)).toBe('(no match)');

    const vcard = join(app.dir, 'friends.vcf');
    writeVcard(vcard, [bob, carol]);
    const vcardReport = await app.importAndSync(vcard);
    expect(vcardReport.changedNumbers).toContain(E164.bob);
    await expect.poll(async () => names((await app.state()).contacts)).toEqual(['Alice Archer', 'Bob Baker', 'Carol Cook']);
    // Within the 5-minute no-match TTL only trigger-match can turn the cached miss into a hit.
    await expect.poll(() => matchedName(app, E164.bob)).toBe('Bob Baker');

    const csv = join(app.dir, 'outlook.csv');
    writeOutlookCsv(csv, [dan, zoe]);
    await app.importAndSync(csv);
    await expect.poll(async () => names((await app.state()).contacts))
      .toEqual(['Alice Archer', 'Bob Baker', 'Carol Cook', 'Dan Dyer', 'Zoë Ångström']);
    await expect.poll(() => matchedName(app, E164.dan)).toBe('Dan Dyer');

    // The user edits the vCard: Bob is renamed, Carol is gone.
    writeVcard(vcard, [{ ...bob, given: 'Robert' }]);
    const edited = await app.importAndSync(vcard);
    expect(edited.deleted).toBe(1);
    await expect.poll(async () => names((await app.state()).contacts))
      .toEqual(['Alice Archer', 'Dan Dyer', 'Robert Baker', 'Zoë Ångström']);
    await expect.poll(() => matchedName(app, E164.bob)).toBe('Robert Baker');

    const state = await app.state();
    expect(state.fetches.filter((f) => f.trigger === 'api').every((f) => f.outcome === 'incremental')).toBe(true);
    expect(state.matchRequests.filter((r) => r.reason === 'trigger-match').map((r) => r.phoneNumbers))
      .toEqual([[E164.bob], [E164.dan], [E164.bob]]);
    expect(state.errors).toEqual([]);
    expect(await heldByWidget(app)).toEqual(liveInDb(app));

    await app.page.screenshot({ path: join(__dirname, '..', '..', 'test-results', 'scenario-2-widget.png') });
  });
});

test.describe('scenario 3: contacts change while a fetch is in flight', () => {
  test('nothing is lost: the dropped sync is sent again and the list ends equal to the database', async ({ app }) => {
    const file = join(app.dir, 'book.vcf');
    const people: Person[] = manyPeople(PAGE_SIZE * 3);
    writeVcard(file, people);
    await app.importAndSync(file);

    // Hold the second page of the start-up load while the address book changes.
    const gate = app.bridge.gate(IPC.contactsList, (body) => (body as { page?: unknown }).page !== 1);
    await app.open();
    await gate.reached;

    const first = people[0] as Person;
    const last = people.at(-1) as Person;
    const changed: Person[] = [
      { ...first, given: 'Renamed' },                       // on page 1, already delivered
      ...people.slice(1, -2),                                // people[-2] deleted (on the last page)
      { ...last, given: 'AlsoRenamed' },                     // on a page not read yet
      { uid: 'late', given: 'Late', family: 'Arrival', phones: [{ type: 'CELL', number: '+1 650 555 0142' }] },
    ];
    writeVcard(file, changed);
    await app.importAndSync(file);
    gate.open();

    await expect.poll(async () => (await app.state()).fetches.some((f) => f.outcome === 'dropped')).toBe(true);
    await expect.poll(() => heldByWidget(app)).toEqual(liveInDb(app));
    const state = await app.state();
    expect(state.fetches.map((f) => `${f.trigger}:${f.outcome}`)).toEqual(['register:replace', 'api:dropped', 'api:incremental']);
    expect(state.contacts.map((c) => c.name)).toContain('Late Arrival');
    expect(state.contacts.map((c) => c.name)).not.toContain(`${(people.at(-2) as Person).given} Person`);
    expect(state.errors).toEqual([]);
  });
});

test.describe('scenario 3b: a page answered after the widget gave up', () => {
  test('the late answer is ignored, the widget keeps nothing half-loaded, and the next sync loads everything', async ({ app }) => {
    const file = join(app.dir, 'book.vcf');
    writeVcard(file, manyPeople(PAGE_SIZE * 2));
    await app.importAndSync(file);

    const gate = app.bridge.gate(IPC.contactsList, (body) => (body as { page?: unknown }).page !== 1);
    // The widget waits 60 s per page; a short timeout makes the same rule quick to reach.
    await app.open({ contactsTimeout: '2000' });
    await gate.reached;
    await expect.poll(async () => (await app.state()).fetches[0]?.outcome).toBe('discarded');
    gate.open();
    await expect.poll(async () => (await app.state()).strayResponses).toHaveLength(1);
    let state = await app.state();
    expect(state.contacts).toEqual([]);
    expect(state.syncTimestamp).toBeNull();

    await app.bridge.push({ kind: 'sync-contacts', changedNumbers: [] });
    await expect.poll(() => heldByWidget(app)).toEqual(liveInDb(app));
    state = await app.state();
    // With no timestamp after the discarded load, the sync is a full load again.
    expect(state.fetches.find((f) => f.trigger === 'api')).toMatchObject({ outcome: 'replace', sentTimestamp: null });
  });
});
