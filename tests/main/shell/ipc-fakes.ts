/** A fake ipcMain that records handlers and lets tests invoke them as a given sender would. */
import { vi } from 'vitest';
import type { IpcEventLike, IpcMainLike, WindowOf } from '../../../src/main/ipc/handle';
import type { WindowKind } from '../../../src/shared/ipc';

export const MAIN_WINDOW_ID = 1;
export const CONTACT_WINDOW_ID = 2;
export const SETTINGS_WINDOW_ID = 3;
export const ADDRESS_BOOKS_WINDOW_ID = 4;

/** The gate's window lookup over the ids above; any other id is not one of our windows. */
const WINDOWS: Record<number, WindowKind> = {
  [MAIN_WINDOW_ID]: 'main',
  [CONTACT_WINDOW_ID]: 'contact',
  [SETTINGS_WINDOW_ID]: 'settings',
  [ADDRESS_BOOKS_WINDOW_ID]: 'addressBooks',
};
export const windowOf: WindowOf = (id) => WINDOWS[id];

export function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
  const ipcMain: IpcMainLike = {
    handle: vi.fn((channel: string, fn: (event: IpcEventLike, ...args: unknown[]) => unknown) => {
      handlers.set(channel, fn);
    }),
    on: vi.fn((channel: string, fn: (event: IpcEventLike, ...args: unknown[]) => void) => {
      listeners.set(channel, fn);
    }),
  };
  return {
    ipcMain,
    invoke: (channel: string, event: IpcEventLike, ...args: unknown[]) => Promise.resolve(handlers.get(channel)!(event, ...args)),
    send: (channel: string, event: IpcEventLike, ...args: unknown[]) => listeners.get(channel)!(event, ...args),
    channels: () => [...handlers.keys(), ...listeners.keys()],
  };
}

const PAGES: Record<number, string> = { [CONTACT_WINDOW_ID]: 'contact.html', [SETTINGS_WINDOW_ID]: 'settings.html', [ADDRESS_BOOKS_WINDOW_ID]: 'address-books.html' };

/** An IPC event from the top frame of window `id` showing `url`. */
export const fromTopFrame = (id: number, url = `app://softphone/${PAGES[id] ?? 'index.html'}`): IpcEventLike => ({
  sender: { id },
  senderFrame: { url, parent: null },
});

/** An IPC event from a subframe (e.g. the widget iframe) of window `id`. */
export const fromSubframe = (id: number, url: string): IpcEventLike => ({
  sender: { id },
  senderFrame: { url, parent: { url: 'app://softphone/index.html' } },
});
