/**
 * Contact windows: one per contact id. A second request for the same contact focuses the open
 * window. The page learns which contact it shows by asking main (`contactWindow.details()`),
 * which resolves it from the sender's WebContents, so a page can never ask for another contact.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenedWebPreferences } from './web-preferences';

export interface ContactWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preload: string;
  appOrigin: string;
  /** `app://softphone/contact.html`, or the dev server's contact page. */
  url: string;
  parent?: () => BrowserWindow | null;
}

export interface ContactWindows {
  /** Opens the window for `contactId`, or focuses it when it is already open. */
  open(contactId: string, title: string): BrowserWindow;
  /** The contact id shown by the window owning `webContentsId`, if it is a contact window. */
  contactIdFor(webContentsId: number): string | undefined;
  /** True when `webContentsId` belongs to a contact window. */
  isContactWindow(webContentsId: number): boolean;
  count(): number;
}

/** The contact window's options: small, hardened, same preload. */
export function getContactWindowOptions(deps: Pick<ContactWindowDeps, 'preload' | 'appOrigin'>, title: string): BrowserWindowConstructorOptions {
  return {
    width: 420,
    height: 560,
    minWidth: 320,
    minHeight: 360,
    show: false,
    title,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(deps.preload, deps.appOrigin),
  };
}

/** Creates the registry of open contact windows. */
export function createContactWindows(deps: ContactWindowDeps): ContactWindows {
  const byContact = new Map<string, BrowserWindow>();
  const byContents = new Map<number, string>();
  return {
    open(contactId, title) {
      const existing = byContact.get(contactId);
      if (existing && !existing.isDestroyed()) {
        if (existing.isMinimized()) existing.restore();
        existing.show();
        existing.focus();
        return existing;
      }
      const win = deps.createWindow(getContactWindowOptions(deps, title));
      const contentsId = win.webContents.id;
      byContact.set(contactId, win);
      byContents.set(contentsId, contactId);
      win.once('ready-to-show', () => win.show());
      win.on('closed', () => {
        byContact.delete(contactId);
        byContents.delete(contentsId);
      });
      void win.loadURL(deps.url);
      return win;
    },
    contactIdFor: (id) => byContents.get(id),
    isContactWindow: (id) => byContents.has(id),
    count: () => byContact.size,
  };
}
