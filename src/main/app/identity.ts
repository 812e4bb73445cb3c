/**
 * Who the app is to the OS. On Windows a toast is attributed to the AppUserModelID of the
 * process: the NSIS installer's Start-menu shortcut carries electron-builder.yml's appId, so
 * an installed app must announce the same id before its first notification, or toasts show
 * under the wrong name or not at all. An unpackaged app has no such shortcut: it uses the
 * Electron executable's path, as Electron's own default identity does.
 */
import type { App } from 'electron';

/** electron-builder.yml's `appId` (tests/packaging/builder-config.test.ts keeps them equal). */
export const APP_ID = 'io.github.contactssoftphone.desktop';

/** The AppUserModelID to set on Windows, or null elsewhere. */
export function appUserModelId(platform: string, isPackaged: boolean, execPath: string): string | null {
  if (platform !== 'win32') return null;
  return isPackaged ? APP_ID : execPath;
}

/** Sets the Windows identity; call first thing in main, before any notification. */
export function applyAppIdentity(app: Pick<App, 'setAppUserModelId' | 'isPackaged'>, platform: string, execPath: string): void {
  const id = appUserModelId(platform, app.isPackaged, execPath);
  if (id) app.setAppUserModelId(id);
}
