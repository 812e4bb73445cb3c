/**
 * The part of Electron's API that main uses, passed to start() as one object: index.ts builds
 * it from the real `electron` module, and tests/main/shell/start.test.ts from a recording
 * stand-in, so the start-up order itself is under test. Nothing below src/main/app imports
 * `electron` at run time.
 */
import type * as electron from 'electron';

export interface ElectronApi {
  app: electron.App;
  protocol: electron.Protocol;
  session: Pick<typeof electron.session, 'defaultSession'>;
  ipcMain: electron.IpcMain;
  dialog: electron.Dialog;
  clipboard: electron.Clipboard;
  shell: electron.Shell;
  Notification: typeof electron.Notification;
  BrowserWindow: typeof electron.BrowserWindow;
  Menu: typeof electron.Menu;
  Tray: typeof electron.Tray;
  nativeImage: Pick<typeof electron.nativeImage, 'createFromPath'>;
  nativeTheme: electron.NativeTheme;
  /** CardDAV passwords (src/main/secrets/safe-storage.ts). */
  safeStorage: Pick<electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
}

/** The ElectronApi of the real module. */
export function electronApiFrom(module: typeof electron): ElectronApi {
  const { app, protocol, session, ipcMain, dialog, clipboard, shell, Notification, BrowserWindow, Menu, Tray, nativeImage, nativeTheme, safeStorage } = module;
  return { app, protocol, session, ipcMain, dialog, clipboard, shell, Notification, BrowserWindow, Menu, Tray, nativeImage, nativeTheme, safeStorage };
}
