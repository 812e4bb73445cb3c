import { join } from 'node:path';
import { IPC } from '../../../src/shared/ipc';
import { writeVcard } from '../support/address-books';
import { BINDING } from '../support/bridge';
import { expect, test } from '../support/app';
import type { App } from '../support/app';
import { alice, E164 } from '../support/people';

type Global = Record<string, unknown> & { document: { body: { append(el: unknown): void }; createElement(tag: string): Record<string, unknown> } };

/** Everything the address book holds, to prove nothing changed it. */
const snapshot = (app: App): string => JSON.stringify({ sync: app.store.syncState(), contacts: [...app.store.allDetails()] });

/** Adds a frame inside the simulator page and waits until it has loaded. */
async function nestedFrame(app: App, attrs: { src?: string; srcdoc?: string }, name: string) {
  await app.frame().evaluate(({ attrs, name }) => {
    const g = globalThis as unknown as Global;
    const frame = g.document.createElement('iframe');
    Object.assign(frame, attrs, { name });
    g.document.body.append(frame);
  }, { attrs, name });
  await expect.poll(() => app.frame().childFrames().find((f) => f.name() === name)?.url() ?? '').not.toBe('');
  const frame = app.frame().childFrames().find((f) => f.name() === name);
  if (!frame) throw new Error(`frame ${name} did not load`);
  await frame.waitForLoadState();
  return frame;
}

test.describe('scenario 7: hostile traffic', () => {
  test('ignores requests from other frames and origins, answers bad requests with errors, and changes nothing', async ({ app }) => {
    const file = join(app.dir, 'book.vcf');
    writeVcard(file, [alice]);
    await app.importAndSync(file);
    await app.open();
    const before = snapshot(app);
    const callsBefore = app.bridge.calls.length;

    // 1. A third origin framed inside the widget posts well-formed requests to the renderer.
    const hostile = await nestedFrame(app, { src: `${app.servers.hostile.origin}/hostile.html` }, 'hostile');
    await hostile.evaluate((number) => {
      const send = (globalThis as unknown as { sendHostile(id: string, path: string, body: unknown): void }).sendHostile;
      send('hostile-match', '/contacts/match', { phoneNumbers: [number] });
      send('hostile-view', '/contacts/view', { id: '1', name: 'x', type: 'ContactsSoftphone', phoneNumbers: [] });
    }, E164.alice);
    // 2. A frame of the widget's own origin that is not the widget's window.
    const sibling = await nestedFrame(app, { srcdoc: '<p>same origin, other window</p>' }, 'sibling');
    await sibling.evaluate(() => {
      const top = (globalThis as unknown as { top: { postMessage(m: unknown, o: string): void } }).top;
      top.postMessage({ type: 'rc-post-message-request', requestId: 'sibling-list', path: '/contacts', body: { page: 1 } }, '*');
    });
    // 3. The renderer's own window (e.g. an injected script) posting to itself.
    await app.page.evaluate(() => {
      (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(
        { type: 'rc-post-message-request', requestId: 'self-search', path: '/contacts/search', body: { searchString: 'ali' } }, '*');
    });

    // 4. The widget frame reaching for the IPC bridge directly: main's gate refuses a subframe.
    const direct = await app.frame().evaluate(({ binding, channel }) =>
      (globalThis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[binding]?.('invoke', channel, [{ page: 1 }]),
    { binding: BINDING, channel: IPC.contactsList });
    expect(direct).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });

    // The widget itself sends bad requests: each is answered with an error or ignored.
    const malformed = await app.sim('rawRequest', '/contacts/match', { phoneNumbers: 'not-a-list' }, 2_000);
    expect(malformed).toMatchObject({ timedOut: false, response: { error: { code: 'bad-request' }, data: {} } });
    const badPage = await app.sim('rawRequest', '/contacts', { page: { $gt: '' }, syncTimestamp: 'forged' }, 2_000);
    expect(badPage).toMatchObject({ timedOut: false, response: null });
    const unknownPath = await app.sim('rawRequest', '/contacts/delete', { id: '1' }, 2_000);
    expect(unknownPath).toMatchObject({ timedOut: false, response: { error: { code: 'unknown-path' } } });
    const noPath = await app.sim('rawRequest', undefined, { id: '1' }, 2_000);
    expect((noPath as { response?: { error?: unknown } }).response?.error).toBeTruthy();
    const hugeBody = await app.sim('rawRequest', '/contacts/search', { searchString: 'a'.repeat(100_000) }, 5_000);
    expect((hugeBody as { timedOut: boolean }).timedOut).toBe(false);

    // A normal request still works afterwards: the host is alive, and (answered in order)
    // the hostile messages above have all been handled by now.
    await app.sim('seedCalls', [E164.alice]);
    const state = await app.state();
    expect(state.matches[E164.alice]?.contacts[0]?.name).toBe('Alice Archer');

    const hostileIds = ['hostile-match', 'hostile-view', 'sibling-list', 'self-search'];
    expect(state.strayResponses.filter((r) => hostileIds.includes(String(r.responseId)))).toEqual([]);
    expect(await hostile.evaluate(() => (globalThis as unknown as { received: unknown[] }).received)).toEqual([]);
    // Only the widget's own requests reached main; the unknown paths never did.
    const fromApp = app.bridge.calls.slice(callsBefore).filter((c) => c.frameUrl.startsWith(app.servers.renderer.origin));
    expect(fromApp.map((c) => c.channel).filter((c) => c.startsWith('contacts:')))
      .toEqual([IPC.contactsMatch, IPC.contactsList, IPC.contactsSearch, IPC.contactsMatch]);
    expect(app.bridge.viewed).toEqual([]);
    // The forged rc-login-status-notify did not make the host register a second time.
    expect(state.registrations).toHaveLength(1);
    expect(snapshot(app)).toBe(before);
    expect(app.pageErrors).toEqual([]);
  });
});
