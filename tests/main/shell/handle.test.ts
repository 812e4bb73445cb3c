import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createIpcGate } from '../../../src/main/ipc/handle';
import { IPC } from '../../../src/shared/ipc';
import { ok } from '../../../src/shared/result';
import { MAIN_WINDOW_ID, fakeIpcMain, fromSubframe, fromTopFrame } from './ipc-fakes';

function setup() {
  const fake = fakeIpcMain();
  const log = vi.fn();
  const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', log });
  const fn = vi.fn((arg: string) => ok(arg.toUpperCase()));
  gate.handle(IPC.contactsSearch, z.string(), (id) => id === MAIN_WINDOW_ID, fn);
  return { ...fake, log, fn };
}

describe('ipc/handle', () => {
  it('serves a valid call from our window top frame', async () => {
    const { invoke, fn } = setup();
    expect(await invoke(IPC.contactsSearch, fromTopFrame(MAIN_WINDOW_ID), 'abc')).toEqual({ ok: true, value: 'ABC' });
    expect(fn).toHaveBeenCalledWith('abc', { webContentsId: MAIN_WINDOW_ID });
  });

  it.each([
    ['the widget iframe', fromSubframe(MAIN_WINDOW_ID, 'https://apps.ringcentral.com/app.html')],
    ['a subframe on our own origin', fromSubframe(MAIN_WINDOW_ID, 'app://softphone/index.html')],
    ['a top frame on a foreign origin', fromTopFrame(MAIN_WINDOW_ID, 'https://evil.example/')],
    ['a deceptive origin', fromTopFrame(MAIN_WINDOW_ID, 'https://apps.ringcentral.com.evil.example/')],
    ['a file page', fromTopFrame(MAIN_WINDOW_ID, 'file:///tmp/index.html')],
    ['a destroyed frame', { sender: { id: MAIN_WINDOW_ID }, senderFrame: null }],
    ['another window', fromTopFrame(99)],
  ])('rejects a call from %s with forbidden-sender, logged, handler not run', async (_name, event) => {
    const { invoke, fn, log } = setup();
    const result = (await invoke(IPC.contactsSearch, event, 'abc')) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('forbidden-sender');
    expect(fn).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(IPC.contactsSearch));
  });

  it.each([[42], [undefined], ['a', 'b']])('rejects bad arguments %j with bad-request', async (...args) => {
    const { invoke, fn } = setup();
    const result = (await invoke(IPC.contactsSearch, fromTopFrame(MAIN_WINDOW_ID), ...args)) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error result', async () => {
    const fake = fakeIpcMain();
    const log = vi.fn();
    const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', log });
    gate.handle(IPC.contactsList, z.unknown(), () => true, () => {
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
    const gate = createIpcGate({ ipcMain: fake.ipcMain, appOrigin: 'app://softphone', log: vi.fn() });
    const fn = vi.fn();
    gate.on(IPC.widgetReport, z.object({ kind: z.literal('widget-loaded') }), () => true, fn);
    fake.send(IPC.widgetReport, fromSubframe(MAIN_WINDOW_ID, 'https://apps.ringcentral.com/'), { kind: 'widget-loaded' });
    fake.send(IPC.widgetReport, fromTopFrame(MAIN_WINDOW_ID), { kind: 'other' });
    expect(fn).not.toHaveBeenCalled();
    fake.send(IPC.widgetReport, fromTopFrame(MAIN_WINDOW_ID), { kind: 'widget-loaded' });
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
