import { describe, expect, it } from 'vitest';
import type { ElectronBinary } from '../../scripts/lib/electron-binary';
import { builderArgs, parseBuilderTargets, runPackage, type PackageDeps } from '../../scripts/lib/package-flow';

const host = { platform: 'linux', arch: 'x64' };
const noElectron: ElectronBinary = { found: false, version: '45.5.0', reason: 'missing' };
const localElectron: ElectronBinary = { found: true, executable: '/d/electron', version: '45.5.0', distDir: '/d' };

describe('package-flow/parseBuilderTargets', () => {
  it('builds for the current OS and arch by default', () => {
    expect(parseBuilderTargets([], host)).toEqual([{ platform: 'linux', arch: 'x64' }]);
    expect(parseBuilderTargets(['--linux', 'dir'], { platform: 'darwin', arch: 'arm64' })).toEqual([{ platform: 'linux', arch: 'arm64' }]);
  });

  it('reads every platform and arch flag electron-builder accepts', () => {
    const targets = parseBuilderTargets(['-w', 'nsis', '--mac', '--x64', '--arm64'], host);
    expect(targets.map((t) => `${t.platform}-${t.arch}`)).toEqual(['win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64']);
  });
});

describe('package-flow/builderArgs', () => {
  it('passes the arguments through and never publishes unless asked', () => {
    expect(builderArgs({ args: ['--linux', 'dir'], host, locateElectron: () => noElectron })).toEqual(['--linux', 'dir', '--publish', 'never']);
    expect(builderArgs({ args: ['-p', 'always'], host, locateElectron: () => noElectron })).toEqual(['-p', 'always']);
  });

  it('reuses the local Electron for a build of this very platform and arch, saving a download', () => {
    expect(builderArgs({ args: [], host, locateElectron: () => localElectron })).toContain('-c.electronDist=/d');
    expect(builderArgs({ args: ['--win'], host, locateElectron: () => localElectron }).join(' ')).not.toContain('electronDist');
    expect(builderArgs({ args: ['--arm64'], host, locateElectron: () => localElectron }).join(' ')).not.toContain('electronDist');
  });
});

describe('package-flow/runPackage', () => {
  function deps(args: string[], buildStatus = 0) {
    const ran: string[][] = [];
    const errors: string[] = [];
    const d: PackageDeps = {
      projectRoot: '/p',
      args,
      host,
      locateElectron: () => noElectron,
      run: (_node, a) => {
        ran.push(a);
        return a[1] === 'build' ? buildStatus : 0;
      },
      error: (line) => errors.push(line),
      nodePath: 'node',
    };
    return { d, ran, errors };
  }

  it('builds, then runs electron-builder for any platform with no native step in between', () => {
    const h = deps(['--win', '--mac', '--linux', 'dir']);
    expect(runPackage(h.d)).toBe(0);
    expect(h.ran).toHaveLength(2);
    expect(h.ran[0]?.[0]).toMatch(/electron-vite[/\\]bin[/\\]electron-vite\.js$/);
    expect(h.ran[0]?.slice(1)).toEqual(['build']);
    expect(h.ran[1]?.[0]).toMatch(/electron-builder[/\\]cli\.js$/);
    expect(h.ran[1]?.slice(1)).toEqual(['--win', '--mac', '--linux', 'dir', '--publish', 'never']);
  });

  it('does not package after a failed build', () => {
    const h = deps([], 2);
    expect(runPackage(h.d)).toBe(2);
    expect(h.ran).toHaveLength(1);
    expect(h.errors[0]).toMatch(/build failed/);
  });

  it.each(['--ia32', '--armv7l'])('refuses %s, which Electron 44+ is not published for, in one sentence', (flag) => {
    const h = deps(['--linux', flag]);
    expect(runPackage(h.d)).toBe(1);
    expect(h.errors).toEqual([`Electron 44 and newer is not published for ${flag.slice(2)}: build for --x64 or --arm64.`]);
    expect(h.ran).toEqual([]);
  });
});
