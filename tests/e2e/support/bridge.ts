/**
 * The test bridge: stands in for the preload and for Electron's IPC, for any of our windows
 * (`installIpcBridge`; `installBridge` is the main window's, with the contacts handlers). An init script defines
 * `window.softphone` in the renderer's top frame only, built by the preload's own builder
 * (src/shared/bridge-api.ts) from the channel table; every call crosses to the test process through one exposed
 * binding, as an `ipcRenderer.invoke` / `send` would, and lands in main's REAL IPC gate and
 * handlers (`createIpcGate`, `registerContactsHandlers`) over the REAL contact service. The
 * sender frame is the calling frame, so the gate's frame check runs for real too.
 */
import type { Page } from '@playwright/test';
import type { ContactDetails } from '../../../src/shared/contact';
import type { WidgetCommand, WidgetConfig, WidgetEvent } from '../../../src/shared/api';
import { buildSoftphoneApi } from '../../../src/shared/bridge-api';
import { CHANNELS, type ArgOf, type ListenName, type WindowKind } from '../../../src/shared/ipc';
import { ok } from '../../../src/shared/result';
import { registerContactsHandlers } from '../../../src/main/ipc/contacts-handlers';
import type { ContactServiceLike } from '../../../src/main/ipc/contacts-handlers';
import { createIpcGate } from '../../../src/main/ipc/handle';
import type { IpcEventLike, IpcGate, IpcMainLike } from '../../../src/main/ipc/handle';

export interface BridgeCall {
  channel: string;
  args: unknown[];
  frameUrl: string;
}

/** Holds matching calls until `open()`; `reached` resolves when the first one arrives. */
export interface Gate {
  reached: Promise<void>;
  open(): void;
}

export interface Bridge {
  /** Every IPC call the page made, accepted or not, in order. */
  calls: BridgeCall[];
  /** Widget events main received (after its validation). */
  events: WidgetEvent[];
  /** Contacts main opened a contact window for. */
  viewed: ContactDetails[];
  /** What main's IPC gate logged (rejected senders and arguments). */
  mainLog: string[];
  /** Holds the next `invoke` on `channel` whose first argument satisfies `when`. */
  gate(channel: string, when: (body: unknown) => boolean): Gate;
  /** Delivers a command to the renderer's `onCommand` listeners, as main's webContents.send would. */
  push(command: WidgetCommand): Promise<number>;
}

export interface BridgeOptions {
  service: ContactServiceLike;
  config: () => WidgetConfig;
  /** The renderer's origin: main's gate accepts only top frames showing it. */
  appOrigin: string;
}

/** The exposed binding's name (Playwright installs it in every frame, the widget's too). */
export const BINDING = '__softphoneTestIpc';
const PUSH = '__softphoneTestPush';

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** What a window's test bridge gives a spec, whatever the window. */
export interface IpcBridge {
  /** Every IPC call the page made, accepted or not, in order. */
  calls: BridgeCall[];
  /** What main's IPC gate logged (rejected senders and arguments). */
  mainLog: string[];
  /** Delivers a main → page message on a `listen` channel, as main's webContents.send would. */
  push<K extends ListenName>(name: K, payload: ArgOf<K>): Promise<number>;
}

export interface IpcBridgeOptions {
  /** The renderer's origin: main's gate accepts only top frames showing it. */
  appOrigin: string;
  /** Which of our windows the page is, for the gate's `from` check. */
  window: WindowKind;
  /** Registers main's real handlers on the gate (registerSettingsHandlers, …). */
  register: (gate: IpcGate, mainLog: string[]) => void;
  /** Runs before an invoke reaches its handler (the main window's held calls). */
  beforeInvoke?: (channel: string, args: unknown[]) => Promise<void>;
}

const WINDOW_ID = 1;

/**
 * The bridge for any of our windows: `window.softphone` built from the channel table in the
 * page, every call through main's real gate (as `options.window`) to the handlers `register`
 * puts there. Call before the first navigation.
 */
export async function installIpcBridge(page: Page, options: IpcBridgeOptions): Promise<IpcBridge> {
  const calls: BridgeCall[] = [];
  const mainLog: string[] = [];
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    on: (channel, listener) => listeners.set(channel, listener),
  };
  const gate = createIpcGate({ ipcMain, appOrigin: options.appOrigin, windowOf: (id) => (id === WINDOW_ID ? options.window : undefined), log: (m) => mainLog.push(m) });
  options.register(gate, mainLog);

  await page.exposeBinding(BINDING, async (source, kind: 'invoke' | 'send', channel: string, args: unknown[]) => {
    calls.push({ channel, args, frameUrl: source.frame.url() });
    const event: IpcEventLike = {
      sender: { id: WINDOW_ID },
      senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() },
    };
    if (kind === 'send') {
      listeners.get(channel)?.(event, ...args);
      return undefined;
    }
    await options.beforeInvoke?.(channel, args);
    const handler = handlers.get(channel);
    // Electron rejects an invoke nobody handles; the preload would pass that rejection on.
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  });

  // The builder's source runs in the page as the preload's would; only the transport differs.
  const script = `(${installInPage.toString()})(${JSON.stringify({ binding: BINDING, push: PUSH, appOrigin: options.appOrigin, table: CHANNELS })}, ${buildSoftphoneApi.toString()});`;
  await page.addInitScript({ content: script });

  return {
    calls,
    mainLog,
    push: (name, payload) => page.evaluate(({ push, channel, payload }) =>
      (globalThis as unknown as Record<string, (ch: string, c: unknown) => number>)[push]?.(channel, payload) ?? 0,
    { push: PUSH, channel: CHANNELS[name].channel, payload: payload as unknown }),
  };
}

/** Installs the main window's bridge on `page`; call before the first navigation. */
export async function installBridge(page: Page, opts: BridgeOptions): Promise<Bridge> {
  const events: WidgetEvent[] = [];
  const viewed: ContactDetails[] = [];
  const gates: Array<{ channel: string; when: (b: unknown) => boolean; arrived: () => void; opened: Promise<void>; used: boolean }> = [];
  const bridge = await installIpcBridge(page, {
    appOrigin: opts.appOrigin,
    window: 'main',
    register: (gate) =>
      registerContactsHandlers({
        gate,
        service: opts.service,
        openContactWindow: (contact) => viewed.push(contact),
        widgetConfig: () => ok(opts.config()),
        onWidgetEvent: (event) => events.push(event),
      }),
    beforeInvoke: async (channel, args) => {
      const held = gates.find((g) => !g.used && g.channel === channel && g.when(args[0]));
      if (!held) return;
      held.used = true;
      held.arrived();
      await held.opened;
    },
  });
  return {
    calls: bridge.calls,
    events,
    viewed,
    mainLog: bridge.mainLog,
    gate(channel, when) {
      let arrived!: () => void;
      let open!: () => void;
      const reached = new Promise<void>((r) => (arrived = r));
      const opened = new Promise<void>((r) => (open = r));
      gates.push({ channel, when, arrived, opened, used: false });
      return { reached, open };
    },
    push: (command) => bridge.push('widgetCommand', command),
  };
}

/** Runs in the browser (serialized): this project's node tsconfig has no DOM types, hence the casts. */
function installInPage(
  { binding, push, appOrigin, table }: { binding: string; push: string; appOrigin: string; table: typeof CHANNELS },
  build: typeof buildSoftphoneApi,
): void {
  const w = globalThis as unknown as { top: unknown; location: { origin: string } } & Record<string, unknown>;
  if (w !== w.top || w.location.origin !== appOrigin) return;
  type Ipc = (kind: 'invoke' | 'send', channel: string, args: unknown[]) => Promise<unknown>;
  const ipcCall = w[binding] as Ipc;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = build(table, {
    invoke: (channel, args) => ipcCall('invoke', channel, args),
    send: (channel, args) => void ipcCall('send', channel, args),
    listen: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  });
  Object.defineProperty(w, 'softphone', { value: api, configurable: false });
  Object.defineProperty(w, push, {
    value: (channel: string, payload: unknown) => {
      const set = listeners.get(channel) ?? new Set();
      set.forEach((l) => l(payload));
      return set.size;
    },
  });
}
