/**
 * The main window: the widget host page. Closing it hides, minimizes or quits (see
 * app/lifecycle.ts).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenedWebPreferences } from './web-preferences';

export interface MainWindowParams {
  preload: string;
  appOrigin: string;
  icon?: string;
}

/** The main window's constructor options (the security settings are asserted in a test). */
export function getMainWindowOptions({ preload, appOrigin, icon }: MainWindowParams): BrowserWindowConstructorOptions {
  return {
    width: 400,
    height: 720,
    minWidth: 320,
    minHeight: 560,
    show: false,
    title: 'Contacts Softphone',
    autoHideMenuBar: false,
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: {
      ...hardenedWebPreferences(preload, appOrigin),
      // Hidden in the tray or minimized, the widget must still ring and keep its timers
      // (registration refresh, call timers); Chromium would otherwise throttle them.
      backgroundThrottling: false,
    },
  };
}

export interface MainWindowDeps extends MainWindowParams {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  /** `app://softphone/index.html`, or the dev server URL. */
  url: string;
}

/** Creates the main window and loads the host page; shown once it has painted. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = deps.createWindow(getMainWindowOptions(deps));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(deps.url);
  return win;
}
