/**
 * The one place the app constructs a BrowserWindow. Whatever options a caller builds, the
 * security-critical preferences are forced here, literally at the constructor, so no window
 * can be created with weaker ones by mistake (and reviewers and electronegativity see them
 * where the window is made).
 */
import type { BrowserWindow as Window, BrowserWindowConstructorOptions } from 'electron';

/** Electron's BrowserWindow class (passed in: see app/electron-api.ts). */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => Window;

export function createSecureWindow(BrowserWindow: BrowserWindowClass, options: BrowserWindowConstructorOptions): Window {
  return new BrowserWindow({
    ...options,
    // Literal values, not SECURE_WEB_PREFERENCES: electronegativity only credits settings it
    // can read at the constructor. tests/main/shell/create-window.test.ts checks both agree.
    webPreferences: {
      ...options.webPreferences,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
