import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronCacheDirs, findCachedElectronZip } from '../../scripts/lib/electron-cache';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'electron-cache-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const lookup = { version: '45.5.0', platform: 'linux', arch: 'x64', hostPlatform: 'linux' };

describe('electron-cache/findCachedElectronZip', () => {
  it("finds the zip in @electron/get's hashed folder under ~/.cache/electron", () => {
    const dir = join(home, '.cache', 'electron', '0123abcd');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'electron-v45.5.0-linux-x64.zip'), 'zip');
    expect(findCachedElectronZip({ ...lookup, home, env: {} })).toBe(join(dir, 'electron-v45.5.0-linux-x64.zip'));
  });

  it('looks in ELECTRON_CACHE first and ignores other versions and arches', () => {
    const custom = join(home, 'custom');
    mkdirSync(custom, { recursive: true });
    writeFileSync(join(custom, 'electron-v45.4.0-linux-x64.zip'), 'zip');
    writeFileSync(join(custom, 'electron-v45.5.0-linux-arm64.zip'), 'zip');
    expect(findCachedElectronZip({ ...lookup, home, env: { ELECTRON_CACHE: custom } })).toBeNull();
    writeFileSync(join(custom, 'electron-v45.5.0-linux-x64.zip'), 'zip');
    expect(findCachedElectronZip({ ...lookup, home, env: { ELECTRON_CACHE: custom } })).toBe(join(custom, 'electron-v45.5.0-linux-x64.zip'));
    expect(electronCacheDirs({ home, env: { ELECTRON_CACHE: custom }, hostPlatform: 'linux' })[0]).toBe(custom);
  });

  it('returns null when nothing is cached', () => {
    expect(findCachedElectronZip({ ...lookup, home, env: {} })).toBeNull();
  });
});
