/**
 * Where the app keeps its files, computed without Electron so the CLI finds the same
 * database: exactly where Electron's `app.getPath('userData')` puts it for our productName.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Contacts Softphone';
export const DATABASE_FILE = 'contacts.sqlite3';
export const SETTINGS_FILE = 'settings.json';

export interface PathEnv {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The user-data folder: `SOFTPHONE_USER_DATA` if set, else Electron's default
 * (Linux `$XDG_CONFIG_HOME` or `~/.config`, macOS `~/Library/Application Support`,
 * Windows `%APPDATA%`) plus the product name.
 */
export function userDataDir({ env = process.env, platform = process.platform, home = homedir() }: PathEnv = {}): string {
  if (env.SOFTPHONE_USER_DATA) return env.SOFTPHONE_USER_DATA;
  let appData: string;
  if (platform === 'darwin') appData = join(home, 'Library', 'Application Support');
  else if (platform === 'win32') appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  else appData = env.XDG_CONFIG_HOME || join(home, '.config');
  return join(appData, PRODUCT_NAME);
}

/** The address book file in a user-data folder. */
export function databasePath(dir: string): string {
  return join(dir, DATABASE_FILE);
}

/** The settings file in a user-data folder. */
export function settingsPath(dir: string): string {
  return join(dir, SETTINGS_FILE);
}
