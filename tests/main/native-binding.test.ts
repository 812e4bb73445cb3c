import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devNativeBindingPath,
  nativeBuildDirName,
  packagedNativeBindingPath,
  resolveNativeBinding,
} from '../../src/main/native-binding';

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };

describe('native-binding/nativeBuildDirName', () => {
  it('names one folder per Electron version, platform and arch', () => {
    expect(nativeBuildDirName(target)).toBe('electron-45.5.0-linux-x64');
    expect(nativeBuildDirName({ ...target, arch: 'arm64' })).not.toBe(nativeBuildDirName(target));
  });
});

describe('native-binding/resolveNativeBinding', () => {
  const base = { resourcesPath: '/opt/Contacts Softphone/resources', appPath: '/src/softphone', versions: { electron: '45.5.0' } };

  it('uses the module shipped in the resources folder when packaged', () => {
    const path = resolveNativeBinding({ ...base, isPackaged: true });
    expect(path).toBe(join('/opt/Contacts Softphone/resources', 'native', 'better_sqlite3.node'));
    expect(path).toBe(packagedNativeBindingPath(base.resourcesPath));
  });

  it('uses the .native build for the running Electron version in a checkout', () => {
    const path = resolveNativeBinding({ ...base, isPackaged: false, platform: 'linux', arch: 'x64' });
    expect(path).toBe(join('/src/softphone', '.native', 'electron-45.5.0-linux-x64', 'better_sqlite3.node'));
    expect(path).toBe(devNativeBindingPath('/src/softphone', target));
  });

  it('picks another folder when Electron is upgraded, so an old build is never loaded', () => {
    const before = resolveNativeBinding({ ...base, isPackaged: false, platform: 'linux', arch: 'x64' });
    const after = resolveNativeBinding({ ...base, versions: { electron: '46.0.0' }, isPackaged: false, platform: 'linux', arch: 'x64' });
    expect(after).not.toBe(before);
  });

  it('defaults to the running platform and arch', () => {
    const path = resolveNativeBinding({ ...base, isPackaged: false });
    expect(path).toContain(`electron-45.5.0-${process.platform}-${process.arch}`);
  });

  it('refuses to guess a development path outside Electron', () => {
    expect(() => resolveNativeBinding({ ...base, versions: {}, isPackaged: false })).toThrow(/process\.versions\.electron/);
  });

  it('needs no Electron version when packaged', () => {
    expect(resolveNativeBinding({ ...base, versions: {}, isPackaged: true })).toMatch(/better_sqlite3\.node$/);
  });
});
