import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../src/main/app/identity';

const root = resolve(__dirname, '../..');
const require = createRequire(__filename);
// js-yaml is what electron-builder itself parses electron-builder.yml with.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Protocol {
  name: string;
  schemes: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources?: unknown;
  afterPack: string;
  protocols: Protocol[];
  linux: { target: string[]; category: string; icon: string; executableName: string; desktop?: { entry?: Record<string, string> } };
  win: { target: string[]; icon: string };
  nsis: { include: string };
  mac: { target: string[]; icon: string; minimumSystemVersion: string; entitlements: string; extendInfo: Record<string, string> };
  extraMetadata: { desktopName: string };
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's `files` semantics: patterns in order, a `!` pattern excludes again. */
function isPacked(path: string): boolean {
  const byDefault = path.startsWith('node_modules/'); // production dependencies are added
  return config.files.reduce((included, pattern) => {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (!minimatch(path, glob, { dot: true })) return included;
    return !negated;
  }, byDefault);
}

const PREBUILDS = 'node_modules/better-sqlite3/prebuilds';

function pngSize(path: string): { width: number; height: number; colourType: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] ?? -1 };
}

/** Pixels of a PNG written by scripts/make-icons.mjs (8-bit RGBA, filter 0 on every row). */
function decodeRgba(path: string): Array<[number, number, number, number]> {
  const bytes = readFileSync(path);
  const { width, height } = pngSize(path);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: Array<[number, number, number, number]> = [];
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    expect(raw[row]).toBe(0);
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 4;
      pixels.push([raw[o] ?? -1, raw[o + 1] ?? -1, raw[o + 2] ?? -1, raw[o + 3] ?? -1]);
    }
  }
  return pixels;
}

describe('electron-builder.yml/identity', () => {
  it('names the product and uses a reverse-DNS app id', () => {
    expect(config.productName).toBe('Contacts Softphone');
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*){2,}$/);
    // Windows attributes toasts to this id: main announces the one the installer's shortcut has.
    expect(APP_ID).toBe(config.appId);
    expect(config.extraMetadata.desktopName).toBe(`${config.linux.executableName}.desktop`);
  });
});

describe('electron-builder.yml/targets', () => {
  it('builds AppImage, deb and rpm for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('files the Linux desktop entry under Telephony, with the Network main category it requires', () => {
    expect(config.linux.category.split(';')).toEqual(['Network', 'Telephony']);
    expect(config.linux.desktop?.entry ?? {}).not.toHaveProperty('MimeType'); // generated from protocols
  });

  it('registers tel:, callto: and sms: as protocols, on Windows through the installer script', () => {
    expect(config.protocols.flatMap((p) => p.schemes).sort()).toEqual(['callto', 'sms', 'tel']);
    const nsh = readFileSync(join(root, config.nsis.include), 'utf8');
    for (const scheme of ['tel', 'callto', 'sms']) expect(nsh).toMatch(new RegExp(`URLAssociations" "${scheme}"`));
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey/);
  });

  it('requires macOS 13, the oldest Electron 44+ runs on', () => {
    expect(config.mac.minimumSystemVersion).toBe('13.0');
  });

  it('asks macOS for the microphone with a reason, under the hardened runtime', () => {
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    expect(readFileSync(join(root, config.mac.entitlements), 'utf8')).toContain('com.apple.security.device.audio-input');
  });
});

describe('electron-builder.yml/native module', () => {
  it('packs node_modules as installed: nothing rebuilt, no Electron-specific native build added', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toBeUndefined();
  });

  it("unpacks better-sqlite3's prebuilt binaries from the asar, for dlopen()", () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((glob) => minimatch(`${PREBUILDS}/win32-x64.node`, glob))).toBe(true);
    expect(config.asarUnpack.some((glob) => minimatch('node_modules/better-sqlite3/lib/index.js', glob))).toBe(false);
  });

  it.each(['linux-x64', 'linux-arm64', 'linuxmusl-x64', 'win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64'])(
    'packs the %s prebuild, which the installed package holds',
    (name) => {
      expect(existsSync(join(root, PREBUILDS, `${name}.node`))).toBe(true);
      expect(isPacked(`${PREBUILDS}/${name}.node`)).toBe(true);
    },
  );
});

describe('electron-builder.yml/files', () => {
  it.each([
    'out/main/index.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
    'package.json',
    'resources/tray-dark.png',
    'node_modules/better-sqlite3/lib/index.js',
    'node_modules/zod/package.json',
  ])('packs %s', (path) => {
    expect(isPacked(path)).toBe(true);
  });

  it.each([
    'src/main/index.ts',
    'tests/main/db-backup.test.ts',
    'scripts/start.mjs',
    'out/main/index.js.map',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/better-sqlite3/build/config.gypi',
    'node_modules/better-sqlite3/binding.gyp',
    'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
    'node_modules/zod/src/index.ts',
    'docs/packaging.md',
  ])('leaves out %s', (path) => {
    expect(isPacked(path)).toBe(false);
  });
});

describe('electron-builder.yml/fuses', () => {
  it('flips the hardening fuses in the afterPack hook', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const hook = require(join(root, config.afterPack)) as { default: unknown; fuseConfig: Record<string, unknown> };
    expect(typeof hook.default).toBe('function');
    const fuses = hook.fuseConfig;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('hands the fuses to electron-builder, which finds the executable on every platform', async () => {
    const hook = require(join(root, config.afterPack)) as { default: (context: unknown) => Promise<void> };
    const calls: unknown[][] = [];
    const context = { packager: { addElectronFuses: async (...args: unknown[]) => void calls.push(args) } };
    await hook.default(context);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe(context);
  });
});

describe('resources/icons', () => {
  it('has a 1024×1024 app icon with transparency, from which electron-builder makes .ico and .icns', () => {
    expect(config.mac.icon).toBe('resources/icon.png');
    expect(config.win.icon).toBe('resources/icon.png');
    expect(pngSize(join(root, 'resources/icon.png'))).toEqual({ width: 1024, height: 1024, colourType: 6 });
  });

  it.each([16, 24, 32, 48, 64, 128, 256, 512])('has the %i px Linux icon, named by its size', (size) => {
    expect(config.linux.icon).toBe('resources/icons');
    expect(pngSize(join(root, `resources/icons/${size}x${size}.png`))).toMatchObject({ width: size, height: size });
  });

  it.each(['tray-dark', 'tray-light'])('has the %s tray icon at 16 px and 32 px (@2x)', (name) => {
    expect(pngSize(join(root, `resources/${name}.png`))).toEqual({ width: 16, height: 16, colourType: 6 });
    expect(pngSize(join(root, `resources/${name}@2x.png`))).toEqual({ width: 32, height: 32, colourType: 6 });
  });

  it.each([
    ['tray-dark', 0],
    ['tray-light', 255],
  ])('draws %s in one colour with alpha only, as template images and panels expect', (name, channel) => {
    const pixels = decodeRgba(join(root, `resources/${name}@2x.png`));
    const opaque = pixels.filter((p) => p[3] > 0);
    expect(opaque.length).toBeGreaterThan(50);
    expect(opaque.every((p) => p[0] === channel && p[1] === channel && p[2] === channel)).toBe(true);
  });
});
