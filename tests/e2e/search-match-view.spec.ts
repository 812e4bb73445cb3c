import { join } from 'node:path';
import { manyPeople, writeVcard } from './support/address-books';
import type { Person } from './support/address-books';
import { expect, SERVICE_NAME, test } from './support/app';
import type { App } from './support/app';
import { alice, anna, bob, carol, dan, E164, jose, zoe } from './support/people';

/** Types into the simulated dialer and returns the rows the widget ends up displaying. */
async function search(app: App, text: string): Promise<string[]> {
  await app.sim('type', text);
  await expect.poll(async () => (await app.state()).search.done).toBe(text);
  return (await app.state()).search.rows.map((r) => `${r.name} ${String(r.phoneNumber)} ${r.phoneType}`);
}

test.describe('scenario 4: dialer search', () => {
  test('shows the rows the widget would display for a name fragment, digits, non-ASCII names, accent-free and company searches', async ({ app }) => {
    const file = join(app.dir, 'people.vcf');
    const lukasz: Person = { uid: 'lukasz', given: 'Łukasz', family: 'Nowak', org: 'IBM', phones: [{ type: 'CELL', number: '+48 601 234 567' }] };
    const doe: Person = { uid: 'doe', given: 'John', family: 'Doë', phones: [{ type: 'HOME', number: '+1 650 555 0190' }] };
    writeVcard(file, [alice, anna, dan, zoe, jose, lukasz, doe]);
    await app.importAndSync(file);
    // A shorter pause than the widget's 800 ms keeps the suite fast; the rule is the same.
    await app.open({ searchDebounce: '100' });

    expect(await search(app, 'schm')).toEqual(['Anna Schmidt +49301234567 mobile', 'Anna Schmidt +49307654321 home']);
    expect(await search(app, '5550177')).toEqual(['Dan Dyer +16505550177 mobile']);
    expect(await search(app, 'Zoë')).toEqual(['Zoë Ångström +46812345678 mobile', 'Zoë Ångström +46812345679 business']);
    expect(await search(app, 'ÅNGSTR')).toHaveLength(2);
    expect(await search(app, 'núñ')).toEqual(['José Núñez +34912345678 home']);
    // Found by folded text the row does not show: the reply carries it for the widget's filter.
    expect(await search(app, 'zoe')).toEqual(['Zoë Ångström +46812345678 mobile', 'Zoë Ångström +46812345679 business']);
    expect(await search(app, 'doe')).toEqual(['John Doë +16505550190 home']);
    expect(await search(app, 'lukasz')).toEqual(['Łukasz Nowak +48601234567 mobile']);
    expect(await search(app, 'IBM')).toEqual(['Łukasz Nowak +48601234567 mobile']);
    expect(await search(app, 'acme')).toEqual(['Alice Archer +16505550101 mobile']);
    // Two characters never reach us; a repeated string is answered from the widget's cache.
    expect(await search(app, 'sc')).toEqual([]);
    expect(await search(app, 'schm')).toHaveLength(2);

    const state = await app.state();
    expect(state.search.sent).toEqual(['schm', '5550177', 'Zoë', 'ÅNGSTR', 'núñ', 'zoe', 'doe', 'lukasz', 'IBM', 'acme']);
    expect(state.search.fromCache).toBe(true);
    expect(state.errors).toEqual([]);
  });
});

test.describe('scenarios 5 and 6: caller ID and contact details', () => {
  const frontDesk: Person = { uid: 'desk', given: 'Front', family: 'Desk', phones: [{ type: 'WORK', number: '+1 650 555 0150' }] };
  const eve: Person = { uid: 'eve', given: 'Eve', family: 'Evans', phones: [{ type: 'CELL', number: '+1 650 555 0150' }] };
  const reception: Person = { uid: 'reception', given: 'Reception', family: 'Desk', phones: [{ type: 'WORK', number: '+1 650 555 0100 x101' }] };
  const bulk = manyPeople(150);
  const bulkNumbers = bulk.map((_, i) => `+165055${String(i).padStart(5, '0')}`);
  const unknownNumbers = Array.from({ length: 150 }, (_, i) => `+1212555${String(i).padStart(4, '0')}`);

  test('matches known, unknown, shared and extension numbers in one batch of 300+, keyed by the queries', async ({ app }) => {
    const file = join(app.dir, 'office.vcf');
    writeVcard(file, [alice, frontDesk, eve, reception, ...bulk]);
    await app.importAndSync(file);
    await app.open();

    const unknown = '+19995550000';
    const shared = '+16505550150';
    const queries = [E164.alice, unknown, shared, '101', ...bulkNumbers, ...unknownNumbers];
    await app.sim('seedCalls', queries);

    const state = await app.state();
    expect(state.matchRequests).toHaveLength(1);
    const request = state.matchRequests[0];
    expect(request?.outcome).toBe('answered');
    expect(request?.phoneNumbers).toHaveLength(304);
    // Hits come back under the exact query strings; no-match numbers may be left out.
    expect([...(request?.replyKeys ?? [])].sort()).toEqual([E164.alice, shared, '101', ...bulkNumbers].sort());
    // ...and the widget caches every queried number, hit or miss.
    expect(Object.keys(state.matches).sort()).toEqual([...queries].sort());

    const namesOf = (n: string): string[] => (state.matches[n]?.contacts ?? []).map((c) => String(c.name));
    expect(namesOf(E164.alice)).toEqual(['Alice Archer']);
    expect(namesOf(unknown)).toEqual([]);
    expect(namesOf(shared).sort()).toEqual(['Eve Evans', 'Front Desk']);
    expect(namesOf('101')).toEqual(['Reception Desk']);
    expect(bulkNumbers.every((n, i) => namesOf(n)[0] === `${(bulk[i] as Person).given} Person`)).toBe(true);
    expect(unknownNumbers.every((n) => namesOf(n).length === 0)).toBe(true);
    expect(state.matches[E164.alice]?.contacts[0]).toMatchObject({ type: SERVICE_NAME, entityType: SERVICE_NAME });
    expect(state.errors).toEqual([]);
  });

  test('answers "view contact details" within the widget\'s 3 s budget and opens the matched contact', async ({ app }) => {
    const file = join(app.dir, 'one.vcf');
    writeVcard(file, [alice]);
    await app.importAndSync(file);
    await app.open();
    await app.sim('seedCalls', [E164.alice]);

    await app.sim('viewContact', E164.alice);
    const [view] = (await app.state()).views;
    expect(view?.budgetMs).toBe(3_000);
    expect(view?.timedOut).toBe(false);
    expect(view?.elapsedMs).not.toBeNull();
    expect(view?.response).toBe('ok');
    expect(app.bridge.viewed.map((c) => c.displayName)).toEqual(['Alice Archer']);
  });
});

test.describe('caller ID at login', () => {
  test('matches the call log in several small requests as it loads, with the names RingCentral holds, and shows ours', async ({ app }) => {
    const file = join(app.dir, 'people.vcf');
    writeVcard(file, [alice, bob, carol, dan]);
    await app.importAndSync(file);
    const strangers = Array.from({ length: 8 }, (_, i) => `+1212555${String(i).padStart(4, '0')}`);
    const callLog = [`${E164.alice}:Me`, E164.bob, `${E164.carol}:Front desk`, E164.dan, ...strangers];
    await app.open({ callLog: callLog.join(',') });
    await expect.poll(async () => (await app.state()).matchRequests.filter((r) => r.outcome !== 'pending').length).toBe(3);
    const state = await app.state();
    expect(state.matchRequests.map((r) => r.phoneNumbers.length)).toEqual([3, 1, 8]);
    expect(state.matchRequests[0]?.callerIds).toEqual({ [E164.alice]: 'Me', [E164.carol]: 'Front desk' });
    expect(state.matchRequests.map((r) => r.outcome)).toEqual(['answered', 'answered', expect.stringMatching(/^(answered|empty)$/)]);
    expect(state.matches[E164.alice]?.contacts.map((c) => c.name)).toEqual(['Alice Archer']);
    expect(state.matches[E164.dan]?.contacts.map((c) => c.name)).toEqual(['Dan Dyer']);
    expect(state.matches[strangers[0]!]?.contacts).toEqual([]);
    expect(state.errors).toEqual([]);
  });
});
