import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, settingsPath, userDataDir } from '../../../src/main/config/paths';

describe('config/userDataDir', () => {
  it('follows Electron on Linux: $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(userDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/u' })).toBe(join('/xdg', 'Contacts Softphone'));
    expect(userDataDir({ env: {}, platform: 'linux', home: '/home/u' })).toBe(join('/home/u', '.config', 'Contacts Softphone'));
  });

  it('follows Electron on macOS and Windows', () => {
    expect(userDataDir({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe(join('/Users/u', 'Library', 'Application Support', 'Contacts Softphone'));
    expect(userDataDir({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\u' })).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'Contacts Softphone'),
    );
  });

  it('lets SOFTPHONE_USER_DATA override every platform', () => {
    expect(userDataDir({ env: { SOFTPHONE_USER_DATA: '/tmp/x', XDG_CONFIG_HOME: '/xdg' }, platform: 'linux' })).toBe('/tmp/x');
  });

  it('puts the database and settings in the folder', () => {
    expect(databasePath('/d')).toBe(join('/d', 'contacts.sqlite3'));
    expect(settingsPath('/d')).toBe(join('/d', 'settings.json'));
  });
});
