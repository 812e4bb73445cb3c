/** A fake ipcMain that records handlers and lets tests invoke them as a given sender would. */
import { vi } from 'vitest';
import type { IpcEventLike, IpcMainLike } from '../../../src/main/ipc/handle';

export const MAIN_WINDOW_ID = 1;
export const CONTACT_WINDOW_ID = 2;

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

/** An IPC event from the top frame of window `id` showing `url`. */
export const fromTopFrame = (id: number, url = id === CONTACT_WINDOW_ID ? 'app://softphone/contact.html' : 'app://softphone/index.html'): IpcEventLike => ({
  sender: { id },
  senderFrame: { url, parent: null },
});

/** An IPC event from a subframe (e.g. the widget iframe) of window `id`. */
export const fromSubframe = (id: number, url: string): IpcEventLike => ({
  sender: { id },
  senderFrame: { url, parent: { url: 'app://softphone/index.html' } },
});
