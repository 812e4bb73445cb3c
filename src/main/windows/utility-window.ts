/**
 * A window of which there is at most one (Settings, Address books): opening it again brings
 * the open one forward. Same hardened preferences and preload as every window of ours; the
 * gate tells it apart by its WebContents id (`isWindow`).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenedWebPreferences } from './web-preferences';

export interface UtilityWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preload: string;
  appOrigin: string;
  url: string;
  title: string;
  width: number;
  height: number;
}

export interface UtilityWindow {
  open(): BrowserWindow;
  isWindow(webContentsId: number): boolean;
  /** The open window, if any (to send it a message). */
  current(): BrowserWindow | null;
}

export function getUtilityWindowOptions(deps: Omit<UtilityWindowDeps, 'createWindow' | 'url'>): BrowserWindowConstructorOptions {
  return {
    width: deps.width,
    height: deps.height,
    minWidth: 360,
    minHeight: 320,
    show: false,
    title: deps.title,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(deps.preload, deps.appOrigin),
  };
}

export function createUtilityWindow(deps: UtilityWindowDeps): UtilityWindow {
  let win: BrowserWindow | null = null;
  let contentsId: number | null = null;
  return {
    open() {
      if (win && !win.isDestroyed()) {
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        return win;
      }
      const created = deps.createWindow(getUtilityWindowOptions(deps));
      win = created;
      contentsId = created.webContents.id;
      created.once('ready-to-show', () => created.show());
      created.on('closed', () => {
        if (win === created) {
          win = null;
          contentsId = null;
        }
      });
      void created.loadURL(deps.url);
      return created;
    },
    isWindow: (id) => contentsId !== null && contentsId === id,
    current: () => (win && !win.isDestroyed() ? win : null),
  };
}
