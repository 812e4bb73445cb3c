import { describe, expect, it, vi } from 'vitest';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { CHANNELS, IPC, type InvokeName, type SendName, type WindowKind } from '../../../src/shared/ipc';
import { ok } from '../../../src/shared/result';
import { ADDRESS_BOOKS_WINDOW_ID, CONTACT_WINDOW_ID, MAIN_WINDOW_ID, SETTINGS_WINDOW_ID, fakeIpcMain, fromSubframe, fromTopFrame, windowOf } from './ipc-fakes';

function setup() {
  const fake = fakeIpcMain();
  const log = vi.fn();
  const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log });
  const fn = vi.fn((_body: unknown) => ok({ data: [] }));
  gate.handle('contactsSearch', fn);
  return { ...fake, log, fn };
}

describe('ipc/handle', () => {
  it('serves a valid call from our window top frame', async () => {
    const { invoke, fn } = setup();
    expect(await invoke(IPC.contactsSearch, fromTopFrame(MAIN_WINDOW_ID), { searchString: 'abc' })).toEqual({ ok: true, value: { data: [] } });
    expect(fn).toHaveBeenCalledWith({ searchString: 'abc' }, { webContentsId: MAIN_WINDOW_ID, window: 'main' });
  });

  it.each([
    ['the widget iframe', fromSubframe(MAIN_WINDOW_ID, 'https://apps.ringcentral.com/app.html')],
    ['a subframe on our own origin', fromSubframe(MAIN_WINDOW_ID, 'app://softphone/index.html')],
    ['a top frame on a foreign origin', fromTopFrame(MAIN_WINDOW_ID, 'https://evil.example/')],
    ['a deceptive origin', fromTopFrame(MAIN_WINDOW_ID, 'https://apps.ringcentral.com.evil.example/')],
    ['a file page', fromTopFrame(MAIN_WINDOW_ID, 'file:///tmp/index.html')],
    ['a destroyed frame', { sender: { id: MAIN_WINDOW_ID }, senderFrame: null }],
    ['a window that is not ours', fromTopFrame(99)],
    ['our contact window (the channel serves the main window only)', fromTopFrame(CONTACT_WINDOW_ID)],
    ['our settings window', fromTopFrame(SETTINGS_WINDOW_ID)],
  ])('rejects a call from %s with forbidden-sender, logged, handler not run', async (_name, event) => {
    const { invoke, fn, log } = setup();
    const result = (await invoke(IPC.contactsSearch, event, { searchString: 'abc' })) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('forbidden-sender');
    expect(fn).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(IPC.contactsSearch));
  });

  it.each([[42], [undefined], [{}, {}]])('rejects bad arguments %j with bad-request', async (...args) => {
    const { invoke, fn } = setup();
    const result = (await invoke(IPC.contactsSearch, fromTopFrame(MAIN_WINDOW_ID), ...args)) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error result', async () => {
    const fake = fakeIpcMain();
    const log = vi.fn();
    const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log });
    gate.handle('contactsList', () => {
      throw new Error('boom');
    });
    expect(await fake.invoke(IPC.contactsList, fromTopFrame(MAIN_WINDOW_ID), {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });

  it('drops a sent message from a foreign frame or with a bad payload', () => {
    const fake = fakeIpcMain();
    const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() });
    const fn = vi.fn();
    gate.on('widgetReport', fn);
    fake.send(IPC.widgetReport, fromSubframe(MAIN_WINDOW_ID, 'https://apps.ringcentral.com/'), { kind: 'widget-loaded' });
    fake.send(IPC.widgetReport, fromTopFrame(MAIN_WINDOW_ID), { kind: 'other' });
    expect(fn).not.toHaveBeenCalled();
    fake.send(IPC.widgetReport, fromTopFrame(MAIN_WINDOW_ID), { kind: 'widget-loaded' });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  const windowIds: Record<WindowKind, number> = {
    main: MAIN_WINDOW_ID,
    contact: CONTACT_WINDOW_ID,
    settings: SETTINGS_WINDOW_ID,
    addressBooks: ADDRESS_BOOKS_WINDOW_ID,
  };
  const inbound = Object.entries(CHANNELS).filter(([, spec]) => spec.kind !== 'listen');
  it.each(inbound.flatMap(([name, spec]) =>
    (Object.keys(windowIds) as WindowKind[]).filter((w) => !(spec.from as readonly string[]).includes(w)).map((w) => [name, w] as const),
  ))('%s refuses our %s window, which its table entry does not list', async (name, window) => {
    const fake = fakeIpcMain();
    const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', windowOf, log: vi.fn() });
    const fn = vi.fn(() => ok(undefined as never));
    const spec = CHANNELS[name as keyof typeof CHANNELS];
    if (spec.kind === 'invoke') {
      gate.handle(name as InvokeName, fn);
      expect(await fake.invoke(spec.channel, fromTopFrame(windowIds[window]), undefined)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    } else {
      gate.on(name as SendName, fn);
      fake.send(spec.channel, fromTopFrame(windowIds[window]), { kind: 'widget-loaded' });
    }
    expect(fn).not.toHaveBeenCalled();
  });
});
