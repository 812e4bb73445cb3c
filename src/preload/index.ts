/**
 * The bridge: `window.softphone`, narrow typed functions over IPC and nothing else, built from
 * the channel table (src/shared/ipc.ts). No `ipcRenderer`, no event objects and no channel
 * names reach the page; subscriptions strip the event and return their own unsubscribe. The
 * preload is sandboxed, so at run time it imports only `electron`; the table and the builder
 * are plain data and code bundled into it (zod stays in main).
 *
 * Child windows inherit their opener's preload, and the widget's sign-in popup is one, so the
 * bridge is exposed only to our own pages: the app origin main passes on the command line.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildSoftphoneApi } from '../shared/bridge-api';
import { CHANNELS } from '../shared/ipc';

const APP_ORIGIN_ARG = '--softphone-app-origin=';

function isOurPage(): boolean {
  const arg = process.argv.find((a) => a.startsWith(APP_ORIGIN_ARG));
  const appOrigin = arg?.slice(APP_ORIGIN_ARG.length) ?? 'app://softphone';
  // The preload is type-checked with the Node config (no DOM lib), hence the narrow cast.
  const page = globalThis as unknown as { top: unknown; location: { origin: string } };
  return page.top === globalThis && page.location.origin === appOrigin;
}

const api = buildSoftphoneApi(CHANNELS, {
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  send: (channel, args) => ipcRenderer.send(channel, ...args),
  listen: (channel, listener) => {
    // The event object carries `sender`; the page gets the payload only.
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

if (isOurPage()) contextBridge.exposeInMainWorld('softphone', api);
