import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ensureSettingsFile, loadSettings, loadSettingsWithProblems, saveSettings } from '../../../src/main/settings/file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('config/loadSettings', () => {
  it('gives the defaults when there is no file', () => {
    expect(loadSettings(dir)).toEqual({
      widgetUrl: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html',
      clientId: '',
      appServer: '',
      region: '',
      serviceName: 'Address Book',
      serviceDisplayName: 'Address Book',
      showRemotePhotos: false,
      // Linux: minimize (its tray may be invisible); Windows and macOS: the tray.
      closeAction: process.platform === 'linux' ? 'minimize' : 'tray',
      callPop: false,
      carddavSyncMinutes: 15,
    });
  });

  it('gives defaults for a corrupt file and keeps it as settings.json.bak', () => {
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(loadSettings(dir)).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(join(dir, 'settings.json.bak'), 'utf8')).toBe('{ not json');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{ not json');
  });

  it('replaces only the invalid fields with their defaults', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ region: 'gb!', clientId: 'abc', widgetUrl: 'http://insecure.example/app.html' }));
    expect(loadSettings(dir)).toMatchObject({ region: '', clientId: 'abc', widgetUrl: DEFAULT_SETTINGS.widgetUrl });
  });
});

describe('config/loadSettings widget URL', () => {
  it.each([
    ['http://127.0.0.1:8765/app.html', true],
    ['http://localhost:8765/app.html', true],
    ['https://apps.ringcentral.com/integration/ringcentral-embeddable/3.x/app.html', true],
    ['http://insecure.example/app.html', false],
    ['http://127.0.0.1.evil.example/app.html', false],
    ['file:///tmp/app.html', false],
  ])('%s is accepted: %s (the offline simulator runs on loopback http)', (widgetUrl, accepted) => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ widgetUrl }));
    expect(loadSettings(dir).widgetUrl).toBe(accepted ? widgetUrl : DEFAULT_SETTINGS.widgetUrl);
  });
});

describe('config/saveSettings', () => {
  it('merges a patch, writes atomically and reads back', () => {
    saveSettings(dir, { region: 'DE', serviceName: 'Kontakte' });
    saveSettings(dir, { clientId: 'xyz' });
    expect(loadSettings(dir)).toMatchObject({ region: 'DE', serviceName: 'Kontakte', clientId: 'xyz' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('refuses a bad value instead of storing it', () => {
    expect(() => saveSettings(dir, { widgetUrl: 'javascript:alert(1)' })).toThrow();
    expect(() => saveSettings(dir, { unknown: 1 } as never)).toThrow();
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });
});

describe('settings/loadSettingsWithProblems', () => {
  it('names each bad key and reads it as its default', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ region: 'gb!', callPop: 'yes', clientId: 'abc' }));
    const { settings, problems } = loadSettingsWithProblems(dir);
    expect(settings).toMatchObject({ region: '', callPop: false, clientId: 'abc' });
    expect(problems.map((p) => p.key)).toEqual(['region', 'callPop']);
  });
});

describe('settings/ensureSettingsFile', () => {
  it('writes the defaults when there is no file, and leaves an existing one alone', () => {
    expect(ensureSettingsFile(dir)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual(DEFAULT_SETTINGS);
    writeFileSync(join(dir, 'settings.json'), '{"region":"DE"}');
    expect(ensureSettingsFile(dir)).toBe(false);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"region":"DE"}');
  });
});

describe('settings/saveSettings keeps what it does not know', () => {
  it('keeps keys of other versions as they are', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ futureKey: { a: 1 }, region: 'FR' }));
    saveSettings(dir, { callPop: true });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ futureKey: { a: 1 }, region: 'FR', callPop: true });
  });
});
