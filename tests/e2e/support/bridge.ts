/**
 * The test bridge: stands in for the preload and for Electron's IPC. An init script defines
 * `window.softphone` in the renderer's top frame only, built by the preload's own builder
 * (src/shared/bridge-api.ts) from the channel table; every call crosses to the test process through one exposed
 * binding, as an `ipcRenderer.invoke` / `send` would, and lands in main's REAL IPC gate and
 * handlers (`createIpcGate`, `registerContactsHandlers`, `registerContactWindowHandlers`) over
 * the REAL contact service and store. The sender frame is the calling frame, so the gate's frame
 * check runs for real too; a page showing contact.html is the contact window, any other the main
 * window. URLs main would hand to the OS go through the REAL external opener into `opened`.
 */
import type { Page } from '@playwright/test';
import type { ContactDetails } from '../../../src/shared/contact';
import type { WidgetCommand, WidgetConfig, WidgetEvent } from '../../../src/shared/api';
import { buildSoftphoneApi } from '../../../src/shared/bridge-api';
import { CHANNELS } from '../../../src/shared/ipc';
import { ok } from '../../../src/shared/result';
import { registerContactWindowHandlers } from '../../../src/main/ipc/contact-window-handlers';
import { registerContactsHandlers } from '../../../src/main/ipc/contacts-handlers';
import { createExternalOpener } from '../../../src/main/security/external';
import type { ContactServiceLike } from '../../../src/main/ipc/contacts-handlers';
import { createIpcGate } from '../../../src/main/ipc/handle';
import type { IpcEventLike, IpcMainLike } from '../../../src/main/ipc/handle';

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
  /** URLs main handed to the operating system (browser, mail client), after its checks. */
  opened: string[];
  /** The contact a page showing contact.html is the window of (main keeps this per window). */
  showContact(id: string): void;
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
  /** The store's contact details, for the contact window. */
  getDetails: (id: string) => ContactDetails | null;
}

/** The exposed binding's name (Playwright installs it in every frame, the widget's too). */
export const BINDING = '__softphoneTestIpc';
const PUSH = '__softphoneTestPush';
const MAIN_WINDOW_ID = 1;
const CONTACT_WINDOW_ID = 2;

type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown;

/** Installs the bridge on `page`; call before the first navigation. */
export async function installBridge(page: Page, opts: BridgeOptions): Promise<Bridge> {
  const calls: BridgeCall[] = [];
  const events: WidgetEvent[] = [];
  const viewed: ContactDetails[] = [];
  const opened: string[] = [];
  let shownContact: string | undefined;
  const mainLog: string[] = [];
  const gates: Array<{ channel: string; when: (b: unknown) => boolean; arrived: () => void; opened: Promise<void>; used: boolean }> = [];

  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    on: (channel, listener) => listeners.set(channel, listener),
  };
  const windowOf = (id: number) => (id === MAIN_WINDOW_ID ? 'main' : id === CONTACT_WINDOW_ID ? 'contact' : undefined);
  const gate = createIpcGate({ ipcMain, appOrigin: opts.appOrigin, windowOf, log: (m) => mainLog.push(m) });
  const external = createExternalOpener({ shell: { openExternal: async (url) => void opened.push(url) }, log: (m) => mainLog.push(m) });
  registerContactWindowHandlers({
    gate,
    contactIdFor: (id) => (id === CONTACT_WINDOW_ID ? shownContact : undefined),
    getDetails: opts.getDetails,
    dial: () => undefined,
    openMailto: external.openMailto,
    openLink: external.openLink,
  });
  registerContactsHandlers({
    gate,
    service: opts.service,
    openContactWindow: (contact) => viewed.push(contact),
    widgetConfig: () => ok(opts.config()),
    onWidgetEvent: (event) => events.push(event),
  });

  await page.exposeBinding(BINDING, async (source, kind: 'invoke' | 'send', channel: string, args: unknown[]) => {
    calls.push({ channel, args, frameUrl: source.frame.url() });
    const event: IpcEventLike = {
      sender: { id: new URL(source.frame.url()).pathname === '/contact.html' ? CONTACT_WINDOW_ID : MAIN_WINDOW_ID },
      senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() },
    };
    if (kind === 'send') {
      listeners.get(channel)?.(event, ...args);
      return undefined;
    }
    const gate = gates.find((g) => !g.used && g.channel === channel && g.when(args[0]));
    if (gate) {
      gate.used = true;
      gate.arrived();
      await gate.opened;
    }
    const handler = handlers.get(channel);
    // Electron rejects an invoke nobody handles; the preload would pass that rejection on.
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  });

  // The builder's source runs in the page as the preload's would; only the transport differs.
  const script = `(${installInPage.toString()})(${JSON.stringify({ binding: BINDING, push: PUSH, appOrigin: opts.appOrigin, table: CHANNELS })}, ${buildSoftphoneApi.toString()});`;
  await page.addInitScript({ content: script });

  return {
    calls,
    events,
    viewed,
    opened,
    showContact: (id) => void (shownContact = id),
    mainLog,
    gate(channel, when) {
      let arrived!: () => void;
      let open!: () => void;
      const reached = new Promise<void>((r) => (arrived = r));
      const opened = new Promise<void>((r) => (open = r));
      gates.push({ channel, when, arrived, opened, used: false });
      return { reached, open };
    },
    push: (command) => page.evaluate(({ push, channel, command }) =>
      (globalThis as unknown as Record<string, (ch: string, c: unknown) => number>)[push]?.(channel, command) ?? 0,
    { push: PUSH, channel: CHANNELS.widgetCommand.channel, command }),
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
