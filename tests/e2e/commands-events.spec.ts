import { join } from 'node:path';
import { writeVcard } from './support/address-books';
import { expect, test } from './support/app';
import { alice, E164 } from './support/people';

test.describe('commands from main and events from the widget', () => {
  test('dial and SMS commands reach the widget, and its login, dialer, region and ring events reach main', async ({ app }) => {
    const file = join(app.dir, 'one.vcf');
    writeVcard(file, [alice]);
    await app.importAndSync(file);
    await app.open();
    await expect.poll(() => app.bridge.events).toEqual(expect.arrayContaining([
      { kind: 'widget-loaded' }, { kind: 'login-status', loggedIn: true }, { kind: 'dialer-status', ready: true },
    ]));

    await app.sim('seedCalls', [E164.alice]);
    await app.sim('ring', E164.alice);
    await app.sim('region', 'GB', '20');
    await expect.poll(() => app.bridge.events).toEqual(expect.arrayContaining([
      { kind: 'call-ring', from: E164.alice, contactName: 'Alice Archer' },
      { kind: 'region', countryCode: 'GB' },
    ]));

    const dialled = '+16505550188';
    await app.bridge.push({ kind: 'new-call', phoneNumber: dialled });
    await app.bridge.push({ kind: 'new-sms', phoneNumber: E164.alice, text: 'On my way' });
    await expect.poll(async () => (await app.state()).sms).toHaveLength(1);
    let state = await app.state();
    expect(state.calls).toEqual([{ phoneNumber: dialled, toCall: true, accepted: true }]);
    expect(state.sms).toEqual([{ phoneNumber: E164.alice, text: 'On my way', accepted: true }]);
    // A dialled number joins the call history, so caller ID tracks it too.
    expect(state.tracked).toContain(dialled);

    // Logged out, the widget ignores both, as the real one does.
    await app.sim('logout');
    await expect.poll(() => app.bridge.events).toContainEqual({ kind: 'dialer-status', ready: false });
    await app.bridge.push({ kind: 'new-call', phoneNumber: dialled });
    await expect.poll(async () => (await app.state()).calls).toHaveLength(2);
    state = await app.state();
    expect(state.calls[1]).toEqual({ phoneNumber: dialled, toCall: true, accepted: false });
    expect(app.bridge.events).toContainEqual({ kind: 'login-status', loggedIn: false });
    expect(state.errors).toEqual([]);
  });
});
