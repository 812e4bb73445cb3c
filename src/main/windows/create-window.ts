/**
 * The one place the app constructs a BrowserWindow. Whatever options a caller builds, the
 * security-critical preferences are forced here, literally at the constructor, so no window
 * can be created with weaker ones by mistake (and reviewers and electronegativity see them
 * where the window is made).
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { SECURE_WEB_PREFERENCES } from './web-preferences';

export function createSecureWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, ...SECURE_WEB_PREFERENCES },
  });
}
