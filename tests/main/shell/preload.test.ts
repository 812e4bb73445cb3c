import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC } from '../../../src/shared/ipc';
import type { SoftphoneApi } from '../../../src/shared/api';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, (...args: unknown[]) => void>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  send: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    send: electron.send,
    on: (channel: string, listener: (...args: unknown[]) => void) => electron.listeners.set(channel, listener),
    removeListener: (channel: string, listener: unknown) => {
      if (electron.listeners.get(channel) === listener) electron.listeners.delete(channel);
    },
  },
}));

async function loadPreload(origin: string, top = true): Promise<SoftphoneApi | undefined> {
  vi.resetModules();
  electron.exposed.clear();
  const g = globalThis as Record<string, unknown>;
  g.location = { origin };
  g.top = top ? globalThis : {};
  process.argv.push('--softphone-app-origin=app://softphone');
  try {
    await import('../../../src/preload/index');
  } finally {
    process.argv.pop();
    delete g.location;
    delete g.top;
  }
  return electron.exposed.get('softphone') as SoftphoneApi | undefined;
}

describe('preload/softphone bridge', () => {
  beforeEach(() => {
    electron.invoke.mockClear();
    electron.send.mockClear();
    electron.listeners.clear();
  });

  it('exposes only the narrow API: no ipcRenderer, no generic invoke', async () => {
    const api = await loadPreload('app://softphone');
    expect(Object.keys(api!).sort()).toEqual(['addressBooks', 'contactWindow', 'contacts', 'settings', 'widget']);
    expect(Object.keys(api!.contacts).sort()).toEqual(['list', 'match', 'search', 'view']);
    expect(Object.keys(api!.widget).sort()).toEqual(['config', 'onCommand', 'report']);
    expect(JSON.stringify(Object.keys(api!))).not.toMatch(/ipc|invoke|send/i);
  });

  it('is not exposed to a page that is not ours (the sign-in popup inherits the preload)', async () => {
    expect(await loadPreload('https://login.ringcentral.com')).toBeUndefined();
    expect(await loadPreload('app://softphone', false)).toBeUndefined();
  });

  it('maps each function to its channel', async () => {
    const api = (await loadPreload('app://softphone'))!;
    await api.contacts.search({ searchString: 'ada' });
    await api.contactWindow.dial('+1555');
    await api.widget.config();
    api.widget.report({ kind: 'widget-loaded' });
    expect(electron.invoke.mock.calls).toEqual([
      [IPC.contactsSearch, { searchString: 'ada' }],
      [IPC.contactWindowDial, '+1555'],
      [IPC.widgetConfig],
    ]);
    expect(electron.send).toHaveBeenCalledWith(IPC.widgetReport, { kind: 'widget-loaded' });
  });

  it('exposes exactly the channel table: each entry one function, on its channel, of its kind', async () => {
    const api = (await loadPreload('app://softphone'))! as unknown as Record<string, Record<string, (arg?: unknown) => unknown>>;
    const exposed = Object.entries(api).flatMap(([group, fns]) => Object.keys(fns).map((fn) => `${group}.${fn}`));
    expect(exposed.sort()).toEqual(Object.values(CHANNELS).map((c) => c.api).sort());
    for (const spec of Object.values(CHANNELS)) {
      electron.invoke.mockClear();
      electron.send.mockClear();
      const [group, fn] = spec.api.split('.') as [string, string];
      const call = api[group]![fn]!;
      if (spec.kind === 'listen') {
        const unsubscribe = call(() => undefined) as () => void;
        expect(electron.listeners.has(spec.channel)).toBe(true);
        unsubscribe();
        continue;
      }
      await call('x');
      expect((spec.kind === 'invoke' ? electron.invoke : electron.send).mock.calls).toEqual([[spec.channel, 'x']]);
    }
  });

  it('onCommand strips the event and returns an unsubscribe', async () => {
    const api = (await loadPreload('app://softphone'))!;
    const listener = vi.fn();
    const unsubscribe = api.widget.onCommand(listener);
    electron.listeners.get(IPC.widgetCommand)!({ sender: 'secret event' }, { kind: 'reload-widget' });
    expect(listener).toHaveBeenCalledWith({ kind: 'reload-widget' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.listeners.has(IPC.widgetCommand)).toBe(false);
  });
});
