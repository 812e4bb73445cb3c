/**
 * The application menu as a template built from the actions it triggers, so a test can click
 * each item without Electron. Accelerators follow each OS's conventions: Electron's
 * `CmdOrCtrl`, the standard roles (which bring their own platform accelerators), and macOS's
 * app menu with About / Hide / Quit where Mac users look for them.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  importContacts(): void;
  syncContacts(): void;
  openSettings(): void;
  openAddressBooks(): void;
  reload(): void;
  about(): void;
  quit(): void;
}

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  actions: AppMenuActions;
}

/** Builds the menu template (pass it to `Menu.buildFromTemplate`). */
export function buildAppMenuTemplate({ platform, appName, actions }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'import-contacts', label: 'Import Contacts…', accelerator: 'CmdOrCtrl+O', click: () => actions.importContacts() },
      { id: 'sync-contacts', label: 'Sync Contacts', accelerator: mac ? 'Cmd+Shift+S' : 'F5', click: () => actions.syncContacts() },
      { id: 'address-books', label: 'Address Books…', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.openAddressBooks() },
      { type: 'separator' },
      // macOS keeps it in the app menu as Preferences….
      ...(mac ? [] : [{ id: 'settings', label: 'Settings…', accelerator: 'Ctrl+,', click: () => actions.openSettings() }, { type: 'separator' } as const]),
      mac
        ? { id: 'close-window', role: 'close' }
        : { id: 'quit', label: 'Quit', accelerator: 'Ctrl+Q', click: () => actions.quit() },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { id: 'reload', label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ id: 'about', label: `About ${appName}`, click: () => actions.about() }],
  };
  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { id: 'about-mac', label: `About ${appName}`, click: () => actions.about() },
      { type: 'separator' },
      { id: 'settings', label: 'Preferences…', accelerator: 'Cmd+,', click: () => actions.openSettings() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { id: 'quit', label: `Quit ${appName}`, accelerator: 'Cmd+Q', click: () => actions.quit() },
    ],
  };
  return [appMenu, file, edit, view, { role: 'windowMenu' }, help];
}
