import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devNativeBindingPath } from '../../src/main/native-binding';
import { ensureElectronNative, moduleAbiOf } from '../../scripts/lib/electron-native';
import type { RunCommand } from '../../scripts/lib/native-commands';

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };
const NODE_BUILD = 'node build: node_register_module_v115';
let root: string;
let temp: string;

/** A project whose better-sqlite3 holds a Node build, as after `npm install`. */
function makeProject(version = '12.11.1'): void {
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  mkdirSync(join(pkg, 'src'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version }));
  writeFileSync(join(pkg, 'src', 'better_sqlite3.cpp'), '// sources');
  writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), NODE_BUILD);
}

interface Call {
  tool: string;
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** A runner whose tools succeed or fail as told; a success writes a module with `abi`. */
function fakeRunner(outcomes: Record<string, boolean>, calls: Call[], abi = '150'): RunCommand {
  return (_command, args, options) => {
    const tool = args[0]?.includes('prebuild-install') ? 'prebuild-install' : 'node-gyp';
    calls.push({ tool, cwd: options.cwd, env: options.env });
    if (!outcomes[tool]) return { status: 1 };
    mkdirSync(join(options.cwd, 'build', 'Release'), { recursive: true });
    writeFileSync(join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), `${tool}: node_register_module_v${abi}`);
    return { status: 0 };
  };
}

const ensure = (run: RunCommand, extra: Partial<Parameters<typeof ensureElectronNative>[0]> = {}) =>
  ensureElectronNative({ projectRoot: root, target, run, hostPlatform: 'linux', hostArch: 'x64', tempRoot: temp, expectedAbi: '150', ...extra });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'electron-native-project-'));
  temp = mkdtempSync(join(tmpdir(), 'electron-native-temp-'));
  makeProject();
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

describe('electron-native/ensureElectronNative', () => {
  it('installs the prebuilt binary into .native and does not try to compile', () => {
    const calls: Call[] = [];
    const result = ensure(fakeRunner({ 'prebuild-install': true, 'node-gyp': true }, calls));
    expect(result).toEqual({ ok: true, path: devNativeBindingPath(root, target), source: 'prebuilt' });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install']);
    expect(readFileSync(devNativeBindingPath(root, target), 'utf8')).toContain('prebuild-install');
  });

  it('compiles with node-gyp when no prebuilt binary can be downloaded', () => {
    const calls: Call[] = [];
    const result = ensure(fakeRunner({ 'prebuild-install': false, 'node-gyp': true }, calls));
    expect(result).toMatchObject({ ok: true, source: 'compiled' });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install', 'node-gyp']);
  });

  it('reuses the cached build without running anything the second time', () => {
    ensure(fakeRunner({ 'prebuild-install': true }, []));
    const calls: Call[] = [];
    const result = ensure(fakeRunner({ 'prebuild-install': true }, calls));
    expect(result).toMatchObject({ ok: true, source: 'cache' });
    expect(calls).toHaveLength(0);
  });

  it('builds again after better-sqlite3 is upgraded', () => {
    ensure(fakeRunner({ 'prebuild-install': true }, []));
    makeProject('12.12.0');
    const calls: Call[] = [];
    expect(ensure(fakeRunner({ 'prebuild-install': true }, calls))).toMatchObject({ ok: true, source: 'prebuilt' });
    expect(calls).toHaveLength(1);
  });

  it("leaves the Node build in node_modules untouched and works in a copy outside it", () => {
    const calls: Call[] = [];
    ensure(fakeRunner({ 'prebuild-install': false, 'node-gyp': true }, calls));
    expect(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(NODE_BUILD);
    for (const call of calls) expect(relative(root, call.cwd).startsWith('..')).toBe(true);
    expect(existsSync(calls[0]?.cwd ?? '')).toBe(false); // the temporary copy is removed
  });

  it('does not copy the Node build into the working copy, so it cannot pass for an Electron build', () => {
    const calls: Call[] = [];
    const result = ensure((_c, args, options) => {
      calls.push({ tool: args[0] ?? '', cwd: options.cwd });
      return { status: existsSync(join(options.cwd, 'build')) ? 0 : 1 };
    });
    expect(result.ok).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('rejects a module built for another ABI and tries the next way', () => {
    let n = 0;
    const run: RunCommand = (command, args, options) =>
      fakeRunner({ 'prebuild-install': true, 'node-gyp': true }, [], n++ === 0 ? '115' : '150')(command, args, options);
    const result = ensure(run);
    expect(result).toMatchObject({ ok: true, source: 'compiled' });
    expect(moduleAbiOf(devNativeBindingPath(root, target))).toBe('150');
  });

  it('says in one sentence that neither a prebuilt binary nor a compile worked, and caches nothing', () => {
    const result = ensure(fakeRunner({}, []));
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(/^Could not get better-sqlite3 for Electron 45\.5\.0 \(linux-x64\): no prebuilt binary/);
    expect(message).toMatch(/Electron's headers/);
    expect(message.trim().split(/\.\s/)).toHaveLength(1);
    expect(existsSync(devNativeBindingPath(root, target))).toBe(false);
  });

  it('explains that another platform cannot be compiled here when its prebuilt binary is missing', () => {
    const calls: Call[] = [];
    const result = ensure(fakeRunner({ 'node-gyp': true }, calls), { target: { ...target, platform: 'win32' } });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install']);
    expect(result.ok ? '' : result.message).toMatch(/cannot be compiled on this machine/);
  });
});

describe('electron-native/moduleAbiOf', () => {
  it('reads the ABI from the registration symbol and returns null without one', () => {
    const file = join(temp, 'm.node');
    writeFileSync(file, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('node_register_module_v150\0')]));
    expect(moduleAbiOf(file)).toBe('150');
    writeFileSync(file, 'nothing here');
    expect(moduleAbiOf(file)).toBeNull();
  });
});
