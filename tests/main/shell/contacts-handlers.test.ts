import { describe, expect, it, vi } from 'vitest';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { registerContactsHandlers, type ContactServiceLike } from '../../../src/main/ipc/contacts-handlers';
import type { ContactDetails } from '../../../src/shared/contact';
import { IPC } from '../../../src/shared/ipc';
import { fail, ok } from '../../../src/shared/result';
import { CONTACT_WINDOW_ID, MAIN_WINDOW_ID, fakeIpcMain, fromSubframe, fromTopFrame, windowOf } from './ipc-fakes';

const contact: ContactDetails = {
  id: '7', displayName: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', company: null, jobTitle: null,
  notes: null, avatar: null, phones: [], emails: [], source: null,
};

function setup(service: Partial<ContactServiceLike> = {}) {
  const fake = fakeIpcMain();
  const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() });
  const deps = {
    gate,
    service: {
      list: vi.fn(() => ok({ data: [], nextPage: null, syncTimestamp: 'r1' })),
      search: vi.fn(() => ok({ data: [] })),
      match: vi.fn(() => ok({ data: {} })),
      view: vi.fn(() => ok({ response: 'ok' as const, contact })),
      ...service,
    },
    openContactWindow: vi.fn(),
    widgetConfig: vi.fn(() =>
      ok({ widgetUrl: 'https://w.example/app.html', widgetOrigin: 'https://w.example', serviceName: 's', serviceDisplayName: 's', contactMatchTtl: 1, contactNoMatchTtl: 1 }),
    ),
    onWidgetEvent: vi.fn(),
    onMatchRequest: vi.fn(),
  };
  registerContactsHandlers(deps);
  return { ...fake, deps };
}

const main = fromTopFrame(MAIN_WINDOW_ID);

describe('ipc/registerContactsHandlers', () => {
  it.each([
    [IPC.contactsList, 'list', { page: 1, syncTimestamp: null }],
    [IPC.contactsSearch, 'search', { searchString: 'ada' }],
    [IPC.contactsMatch, 'match', { phoneNumbers: ['+15551234567'], callerIds: {} }],
  ] as const)('%s passes the widget body to service.%s and returns its result', async (channel, method, body) => {
    const { invoke, deps } = setup();
    const result = await invoke(channel, main, body);
    expect(deps.service[method]).toHaveBeenCalledWith(body);
    expect(result).toEqual(await (deps.service[method] as unknown as () => unknown)());
  });

  it.each([IPC.contactsList, IPC.contactsSearch, IPC.contactsMatch, IPC.contactsView])('%s rejects the widget iframe, a contact window and a non-object body', async (channel) => {
    const { invoke, deps } = setup();
    const fromIframe = await invoke(channel, fromSubframe(MAIN_WINDOW_ID, 'https://apps.ringcentral.com/app.html'), {});
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await invoke(channel, fromTopFrame(CONTACT_WINDOW_ID), {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await invoke(channel, main, 'a string')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await invoke(channel, main, [1, 2])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    for (const fn of Object.values(deps.service)) expect(fn).not.toHaveBeenCalled();
  });

  it('shows every accepted match body to onMatchRequest, and no rejected one', async () => {
    const { invoke, deps } = setup();
    await invoke(IPC.contactsMatch, main, { phoneNumbers: ['+15551234567'] });
    await invoke(IPC.contactsMatch, fromTopFrame(CONTACT_WINDOW_ID), { phoneNumbers: ['+15550000000'] });
    expect(deps.onMatchRequest.mock.calls).toEqual([[{ phoneNumbers: ['+15551234567'] }]]);
  });

  it('view opens the contact window and answers ok', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.contactsView, main, { id: '7', type: 's' })).toEqual({ ok: true, value: 'ok' });
    expect(deps.openContactWindow).toHaveBeenCalledWith(contact);
  });

  it('view of an unknown contact answers not-found and opens nothing', async () => {
    const { invoke, deps } = setup({ view: vi.fn(() => ok({ response: 'ok' as const, contact: null })) });
    expect(await invoke(IPC.contactsView, main, { id: '404' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(deps.openContactWindow).not.toHaveBeenCalled();
  });

  it('passes a service error through as data', async () => {
    const { invoke } = setup({ search: vi.fn(() => fail('bad-request', 'searchString: expected string')) });
    expect(await invoke(IPC.contactsSearch, main, { searchString: 1 })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'searchString: expected string' },
    });
  });

  it('widget:config takes no argument', async () => {
    const { invoke, deps } = setup();
    expect(await invoke(IPC.widgetConfig, main)).toMatchObject({ ok: true, value: { widgetOrigin: 'https://w.example' } });
    expect(await invoke(IPC.widgetConfig, main, 'x')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(deps.widgetConfig).toHaveBeenCalledTimes(1);
  });

  it('widget:report forwards valid events only', () => {
    const { send, deps } = setup();
    send(IPC.widgetReport, main, { kind: 'dialer-status', ready: true });
    send(IPC.widgetReport, main, { kind: 'region', countryCode: 'gb' });
    send(IPC.widgetReport, main, { kind: 'call-ring', from: 42 });
    send(IPC.widgetReport, main, { kind: 'nope' });
    send(IPC.widgetReport, fromSubframe(MAIN_WINDOW_ID, 'https://apps.ringcentral.com/'), { kind: 'dialer-status', ready: true });
    expect(deps.onWidgetEvent.mock.calls).toEqual([[{ kind: 'dialer-status', ready: true }]]);
  });
});
