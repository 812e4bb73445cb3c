/**
 * The application menu and the tray icon, wired to the actions. The tray's Show/Hide label and
 * icon follow the window's visibility and the OS theme.
 */
import path from 'node:path';
import type { App, BrowserWindow, Tray } from 'electron';
import { buildAppMenuTemplate } from '../menu/app-menu';
import { buildTrayMenuTemplate, trayIcon } from '../tray/tray';
import type { ElectronApi } from './electron-api';
import { showWindow } from './lifecycle';

export interface ShellUiDeps {
  electron: Pick<ElectronApi, 'Menu' | 'Tray' | 'nativeImage' | 'nativeTheme'>;
  platform: NodeJS.Platform;
  app: App;
  window: BrowserWindow;
  importContacts: () => void;
  syncContacts: () => void;
  openSettings: () => void;
  openAddressBooks: () => void;
  quit: () => void;
  log: (message: string) => void;
}

/** Installs the application menu and the tray; returns the tray (keep a reference: GC removes it). */
export function installShellUi(deps: ShellUiDeps): Tray | null {
  const { app, window, platform } = deps;
  const { Menu, Tray, nativeImage, nativeTheme } = deps.electron;
  app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildAppMenuTemplate({
        platform,
        appName: app.getName(),
        actions: {
          importContacts: deps.importContacts,
          syncContacts: deps.syncContacts,
          openSettings: deps.openSettings,
          openAddressBooks: deps.openAddressBooks,
          reload: () => window.webContents.reload(),
          about: () => app.showAboutPanel(),
          quit: deps.quit,
        },
      }),
    ),
  );

  const resources = path.join(app.getAppPath(), 'resources');
  const icon = () => trayIcon((p) => nativeImage.createFromPath(p), resources, platform, nativeTheme.shouldUseDarkColors);
  let tray: Tray;
  try {
    tray = new Tray(icon());
  } catch (error) {
    deps.log(`no tray icon: ${String(error)}`);
    return null;
  }
  const toggleWindow = (): void => {
    if (window.isVisible() && window.isFocused()) window.hide();
    else showWindow(window);
  };
  const refresh = (): void => {
    tray.setContextMenu(
      Menu.buildFromTemplate(
        buildTrayMenuTemplate(
          {
            toggleWindow,
            syncContacts: deps.syncContacts,
            importContacts: deps.importContacts,
            openAddressBooks: deps.openAddressBooks,
            openSettings: deps.openSettings,
            quit: deps.quit,
          },
          window.isVisible(),
        ),
      ),
    );
  };
  tray.setToolTip(app.getName());
  tray.on('click', toggleWindow);
  window.on('show', refresh);
  window.on('hide', refresh);
  nativeTheme.on('updated', () => tray.setImage(icon()));
  refresh();
  return tray;
}
