import { describe, expect, it } from 'vitest';
import { nativeBuildAttempts } from '../../scripts/lib/native-commands';

const base = {
  projectRoot: '/p',
  target: { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' },
  hostPlatform: 'linux',
  hostArch: 'x64',
  headersDir: '/p/.native/headers',
  nodePath: '/usr/bin/node',
};

describe('native-commands/nativeBuildAttempts', () => {
  it('tries the prebuilt Electron binary first, for the exact Electron version, platform and arch', () => {
    const [first] = nativeBuildAttempts(base);
    expect(first?.source).toBe('prebuilt');
    expect(first?.command).toBe('/usr/bin/node');
    expect(first?.args[0]).toMatch(/prebuild-install[/\\]bin\.js$/);
    expect(first?.args.join(' ')).toContain('--runtime electron --target 45.5.0 --platform linux --arch x64');
  });

  it("falls back to compiling against Electron's headers with node-gyp", () => {
    const attempts = nativeBuildAttempts(base);
    expect(attempts.map((a) => a.source)).toEqual(['prebuilt', 'compiled']);
    const gyp = attempts[1];
    expect(gyp?.args[0]).toMatch(/node-gyp[/\\]bin[/\\]node-gyp\.js$/);
    expect(gyp?.args).toEqual(
      expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.5.0', '--arch=x64', '--dist-url=https://electronjs.org/headers']),
    );
  });

  it("clears npm's nodedir so node-gyp cannot pick Node's headers instead of Electron's", () => {
    const gyp = nativeBuildAttempts(base)[1];
    expect(gyp?.env).toHaveProperty('npm_config_nodedir', undefined);
    expect(Object.keys(gyp?.env ?? {})).toContain('npm_config_nodedir');
  });

  it('offers no compilation for another platform or arch, which node-gyp cannot cross-build', () => {
    expect(nativeBuildAttempts({ ...base, target: { ...base.target, platform: 'win32' } }).map((a) => a.source)).toEqual(['prebuilt']);
    expect(nativeBuildAttempts({ ...base, target: { ...base.target, arch: 'arm64' } }).map((a) => a.source)).toEqual(['prebuilt']);
  });
});
