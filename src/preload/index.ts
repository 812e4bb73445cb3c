/**
 * The bridge: `window.softphone`, narrow typed functions over IPC and nothing else. No
 * `ipcRenderer`, no event objects and no channel names reach the page; `onCommand` strips the
 * event and returns its own unsubscribe function. The preload is sandboxed, so it imports only
 * `electron` (and type-only modules, erased at build time).
 *
 * Child windows inherit their opener's preload, and the widget's sign-in popup is one, so the
 * bridge is exposed only to our own pages: the app origin main passes on the command line.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { SoftphoneApi, WidgetCommand, WidgetEvent } from '../shared/api';
import { IPC } from '../shared/ipc';

const APP_ORIGIN_ARG = '--softphone-app-origin=';

function isOurPage(): boolean {
  const arg = process.argv.find((a) => a.startsWith(APP_ORIGIN_ARG));
  const appOrigin = arg?.slice(APP_ORIGIN_ARG.length) ?? 'app://softphone';
  // The preload is type-checked with the Node config (no DOM lib), hence the narrow cast.
  const page = globalThis as unknown as { top: unknown; location: { origin: string } };
  return page.top === globalThis && page.location.origin === appOrigin;
}

const api = {
  contacts: {
    list: (body: unknown) => ipcRenderer.invoke(IPC.contactsList, body),
    search: (body: unknown) => ipcRenderer.invoke(IPC.contactsSearch, body),
    match: (body: unknown) => ipcRenderer.invoke(IPC.contactsMatch, body),
    view: (body: unknown) => ipcRenderer.invoke(IPC.contactsView, body),
  },
  widget: {
    config: () => ipcRenderer.invoke(IPC.widgetConfig),
    report: (event: WidgetEvent) => ipcRenderer.send(IPC.widgetReport, event),
    onCommand: (listener: (command: WidgetCommand) => void) => {
      const wrapped = (_event: unknown, command: WidgetCommand): void => listener(command);
      ipcRenderer.on(IPC.widgetCommand, wrapped);
      return () => {
        ipcRenderer.removeListener(IPC.widgetCommand, wrapped);
      };
    },
  },
  contactWindow: {
    details: () => ipcRenderer.invoke(IPC.contactWindowDetails),
    dial: (phoneNumber: string) => ipcRenderer.invoke(IPC.contactWindowDial, phoneNumber),
    email: (address: string) => ipcRenderer.invoke(IPC.contactWindowEmail, address),
  },
} satisfies SoftphoneApi;

if (isOurPage()) contextBridge.exposeInMainWorld('softphone', api);
