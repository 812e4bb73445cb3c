import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElectronBinary } from '../../scripts/lib/electron-binary';
import { builderArgs, parseBuilderTargets, runPackage, stagedNativePath, type PackageDeps } from '../../scripts/lib/package-flow';
import type { NativeTarget } from '../../src/main/native-binding';

const host = { platform: 'linux', arch: 'x64' };
const noElectron: ElectronBinary = { found: false, version: '45.5.0', reason: 'missing' };
const localElectron: ElectronBinary = { found: true, executable: '/d/electron', version: '45.5.0', distDir: '/d' };

describe('package-flow/parseBuilderTargets', () => {
  it('builds for the current OS and arch by default', () => {
    expect(parseBuilderTargets([], host)).toEqual([{ platform: 'linux', builderOs: 'linux', builderArch: 'x64', nodeArch: 'x64' }]);
    expect(parseBuilderTargets(['--linux', 'dir'], { platform: 'darwin', arch: 'arm64' })).toEqual([
      { platform: 'linux', builderOs: 'linux', builderArch: 'arm64', nodeArch: 'arm64' },
    ]);
  });

  it('reads every platform and arch flag electron-builder accepts', () => {
    const targets = parseBuilderTargets(['-w', 'nsis', '--mac', '--x64', '--arm64'], host);
    expect(targets.map((t) => `${t.builderOs}-${t.builderArch}`)).toEqual(['win-x64', 'win-arm64', 'mac-x64', 'mac-arm64']);
  });

  it("maps electron-builder's armv7l to Node's arm and a universal mac app to both of its arches", () => {
    expect(parseBuilderTargets(['--linux', '--armv7l'], host)[0]).toMatchObject({ builderArch: 'armv7l', nodeArch: 'arm' });
    expect(parseBuilderTargets(['--mac', '--universal'], host).map((t) => t.nodeArch)).toEqual(['x64', 'arm64']);
  });
});

describe('package-flow/builderArgs', () => {
  const linuxX64 = parseBuilderTargets([], host);

  it('passes the arguments through and never publishes unless asked', () => {
    expect(builderArgs({ args: ['--linux', 'dir'], host, locateElectron: () => noElectron }, linuxX64)).toEqual(['--linux', 'dir', '--publish', 'never']);
    expect(builderArgs({ args: ['-p', 'always'], host, locateElectron: () => noElectron }, linuxX64)).toEqual(['-p', 'always']);
  });

  it('reuses the local Electron for a build of this very platform and arch, saving a download', () => {
    expect(builderArgs({ args: [], host, locateElectron: () => localElectron }, linuxX64)).toContain('-c.electronDist=/d');
    const windows = parseBuilderTargets(['--win'], host);
    expect(builderArgs({ args: ['--win'], host, locateElectron: () => localElectron }, windows).join(' ')).not.toContain('electronDist');
  });
});

describe('package-flow/runPackage', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'package-flow-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function deps(args: string[], nativeOk = true) {
    const ran: string[][] = [];
    const targets: NativeTarget[] = [];
    const errors: string[] = [];
    const d: PackageDeps = {
      projectRoot: root,
      args,
      host,
      locateElectron: () => noElectron,
      electronVersion: '45.5.0',
      ensureNative: (target) => {
        targets.push(target);
        if (!nativeOk) return { ok: false, message: 'no module' };
        const path = join(root, '.native', `electron-45.5.0-${target.platform}-${target.arch}`, 'better_sqlite3.node');
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, `module for ${target.platform}-${target.arch}`);
        return { ok: true, path, source: 'prebuilt' };
      },
      run: (_node, a) => {
        ran.push(a);
        return 0;
      },
      log: () => {},
      error: (line) => errors.push(line),
      nodePath: 'node',
    };
    return { d, ran, targets, errors };
  }

  it('stages the Electron module of each target where electron-builder.yml picks it up, then builds and packages', () => {
    const h = deps(['--win', '--linux', 'dir']);
    expect(runPackage(h.d)).toBe(0);
    expect(h.targets).toEqual([
      { electronVersion: '45.5.0', platform: 'win32', arch: 'x64' },
      { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' },
    ]);
    expect(readFileSync(stagedNativePath(root, { builderOs: 'win', builderArch: 'x64' }), 'utf8')).toBe('module for win32-x64');
    expect(readFileSync(join(root, '.native', 'package', 'linux-x64', 'better_sqlite3.node'), 'utf8')).toBe('module for linux-x64');
    expect(h.ran[0]?.slice(1)).toEqual(['build']);
    expect(h.ran[1]?.[0]).toMatch(/electron-builder[/\\]cli\.js$/);
    expect(h.ran[1]?.slice(1)).toEqual(['--win', '--linux', 'dir', '--publish', 'never']);
  });

  it('stops before building when a target has no Electron module', () => {
    const h = deps([], false);
    expect(runPackage(h.d)).toBe(1);
    expect(h.errors).toEqual(['no module']);
    expect(h.ran).toEqual([]);
  });
});
