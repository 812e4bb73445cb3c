/**
 * The tray icon and its menu: Show / Hide, Sync Contacts, Import Contacts…, Address Books…,
 * Settings…, Quit. The icon
 * follows the OS theme (a light glyph on dark bars and vice versa); the files are made by the
 * packaging step into `resources/`.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export const TRAY_ICON_LIGHT = 'tray-light.png';
export const TRAY_ICON_DARK = 'tray-dark.png';
export const APP_ICON = 'icon.png';

export interface TrayActions {
  toggleWindow(): void;
  syncContacts(): void;
  importContacts(): void;
  openAddressBooks(): void;
  openSettings(): void;
  quit(): void;
}

/** `windowVisible` picks the first item's label. */
export function buildTrayMenuTemplate(actions: TrayActions, windowVisible: boolean): MenuItemConstructorOptions[] {
  return [
    { id: 'toggle-window', label: windowVisible ? 'Hide' : 'Show', click: () => actions.toggleWindow() },
    { type: 'separator' },
    { id: 'sync-contacts', label: 'Sync Contacts', click: () => actions.syncContacts() },
    { id: 'import-contacts', label: 'Import Contacts…', click: () => actions.importContacts() },
    { id: 'address-books', label: 'Address Books…', click: () => actions.openAddressBooks() },
    { type: 'separator' },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit', click: () => actions.quit() },
  ];
}

/**
 * The tray icon file for the current theme: on a dark menu bar / taskbar the light glyph.
 * macOS gets a template image regardless (it recolours it itself), so the dark glyph is used.
 */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform, darkTheme: boolean): string {
  if (platform === 'darwin') return path.join(resourcesDir, TRAY_ICON_DARK);
  return path.join(resourcesDir, darkTheme ? TRAY_ICON_LIGHT : TRAY_ICON_DARK);
}

/** The slice of a NativeImage the tray needs. */
export interface TemplateCapable {
  setTemplateImage(option: boolean): void;
}

/**
 * The tray image for the platform and theme. On macOS it is marked as a template image: the
 * menu bar then draws it in its own colour (light and dark bars, the highlighted state), as
 * Apple requires of menu bar extras; elsewhere the glyph file matching the theme is used.
 */
export function trayIcon<T extends TemplateCapable>(
  createFromPath: (path: string) => T,
  resourcesDir: string,
  platform: NodeJS.Platform,
  darkTheme: boolean,
): T {
  const image = createFromPath(trayIconPath(resourcesDir, platform, darkTheme));
  if (platform === 'darwin') image.setTemplateImage(true);
  return image;
}
