import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real electron-builder.yml and after-pack hook, run offline: electron-builder packs a
 * throwaway project (our config, package.json, lockfile, resources, hard links to our
 * node_modules, a stand-in out/) around a stand-in Electron whose only content is the fuse wire
 * @electron/fuses looks for. It proves what the unpacked app holds and that the fuses flip,
 * which otherwise only a machine with the Electron download could show.
 */
const root = resolve(__dirname, '../..');
const require = createRequire(__filename);
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const canRun = process.platform === 'linux' && process.arch === 'x64';
const title = canRun
  ? 'packs the app and its dependencies and flips the fuses'
  : 'packs a stand-in Electron — skipped: hard-linking node_modules and the linux-x64 stand-in need a Linux x64 host';

let project: string;
let unpacked: string;
let asarFiles: string[] = [];
let extracted: string | undefined;

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

beforeAll(() => {
  if (!canRun) return;
  project = mkdtempSync(join(tmpdir(), 'package-stand-in-'));
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml', 'scripts/after-pack.cjs']) {
    cpSync(join(root, file), join(project, file));
  }
  cpSync(join(root, 'resources'), join(project, 'resources'), { recursive: true });
  // Hard links: electron-builder only reads node_modules (npmRebuild is off), and a symlink
  // would hide transitive dependencies from its collector. A plain copy where /tmp is another
  // file system.
  const modules = join(project, 'node_modules');
  if (spawnSync('cp', ['-al', join(root, 'node_modules'), modules]).status !== 0) {
    rmSync(modules, { recursive: true, force: true });
    const copy = spawnSync('cp', ['-a', join(root, 'node_modules'), modules], { encoding: 'utf8' });
    if (copy.status !== 0) throw new Error(`copying node_modules failed: ${copy.stderr}`);
  }
  write(join(project, 'out/main/index.js'), "require('better-sqlite3');\n//# sourceMappingURL=index.js.map\n");
  write(join(project, 'out/main/index.js.map'), '{}');
  write(join(project, 'out/preload/index.cjs'), '');
  write(join(project, 'out/renderer/index.html'), '<!doctype html>');
  // Fuse wire version 1 with 8 fuses, each of the six we set starting opposite to our choice.
  write(join(project, 'fake-electron/electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110010')]));
  chmodSync(join(project, 'fake-electron/electron'), 0o755);

  const run = spawnSync(
    process.execPath,
    [join(project, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', `-c.electronDist=${join(project, 'fake-electron')}`, '--publish', 'never'],
    { cwd: project, encoding: 'utf8', env: { ...process.env, CI: '' } },
  );
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  unpacked = join(project, 'release', version, 'linux-unpacked');
  const asar = require('@electron/asar') as { listPackage(path: string): string[] };
  asarFiles = asar.listPackage(join(unpacked, 'resources', 'app.asar')).map((p) => p.replace(/\\/g, '/'));
}, 180_000);

afterAll(() => {
  if (extracted) rmSync(extracted, { recursive: true, force: true });
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('package/electron-builder with a stand-in Electron', () => {
  it.skipIf(!canRun)(title, async () => {
    const executable = join(unpacked, 'contacts-softphone');
    expect(existsSync(executable)).toBe(true);

    for (const file of ['/out/main/index.js', '/out/renderer/index.html', '/resources/tray-light@2x.png', '/package.json']) {
      expect(asarFiles).toContain(file);
    }
    // Production dependencies come along, transitive ones included (iconv-lite needs safer-buffer).
    for (const dep of ['better-sqlite3/lib/index.js', 'zod/package.json', 'iconv-lite/package.json', 'safer-buffer/package.json']) {
      expect(asarFiles).toContain(`/node_modules/${dep}`);
    }
    expect(asarFiles.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(asarFiles.filter((f) => f.startsWith('/node_modules/better-sqlite3/build'))).toEqual([]);
    expect(asarFiles.filter((f) => f.startsWith('/src/') || f.startsWith('/tests/') || f.startsWith('/scripts/'))).toEqual([]);
    expect(asarFiles.some((f) => f.startsWith('/node_modules/electron/'))).toBe(false);

    const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
    const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) }; // the wire's bytes
    const wire = await getCurrentFuseWire(executable);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
  });

  it.skipIf(!canRun)("ships better-sqlite3's prebuilt binaries unpacked beside the asar, byte for byte", () => {
    const prebuilds = 'node_modules/better-sqlite3/prebuilds';
    const unpackedDir = join(unpacked, 'resources', 'app.asar.unpacked', prebuilds);
    const installed = readdirSync(join(root, prebuilds)).sort();
    expect(installed).toContain('linux-x64.node');
    expect(readdirSync(unpackedDir).sort()).toEqual(installed);
    expect(readFileSync(join(unpackedDir, 'linux-x64.node')).equals(readFileSync(join(root, prebuilds, 'linux-x64.node')))).toBe(true);
    // The asar lists them too (as unpacked entries): that is how Electron's fs finds them.
    expect(asarFiles.filter((f) => f.startsWith(`/${prebuilds}/`)).sort()).toEqual(installed.map((name) => `/${prebuilds}/${name}`));
    expect(existsSync(join(unpacked, 'resources', 'native'))).toBe(false);
  });

  it.skipIf(!canRun)("loads SQLite through a plain require('better-sqlite3') from the packed app", () => {
    // The app's files as Electron sees them (asar content plus its unpacked files), read by
    // Node: the same Node-API binary and the same lookup in better-sqlite3's lib/binding.js.
    const asar = require('@electron/asar') as { extractAll(archive: string, dest: string): void };
    extracted = mkdtempSync(join(tmpdir(), 'package-stand-in-app-'));
    asar.extractAll(join(unpacked, 'resources', 'app.asar'), extracted);
    const probe = [
      `const Database = require(${JSON.stringify(join(extracted, 'node_modules', 'better-sqlite3'))});`,
      "const db = new Database(':memory:');",
      "db.exec(\"CREATE VIRTUAL TABLE t USING fts5(name, tokenize='trigram'); INSERT INTO t VALUES ('Ada Lovelace')\");",
      "const hit = db.prepare(\"SELECT name FROM t WHERE t MATCH 'ovel'\").get();",
      "const addon = Object.keys(require.cache).find((p) => p.endsWith('.node'));",
      'console.log(JSON.stringify({ hit, addon }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { hit: { name: string }; addon: string };
    expect(result.hit.name).toBe('Ada Lovelace');
    expect(result.addon).toBe(join(extracted, 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node'));
  });

  it.skipIf(!canRun)('puts the contacts-softphone-cli launcher beside the binary, executable, as written', () => {
    const launcher = join(unpacked, 'contacts-softphone-cli');
    expect(readFileSync(launcher, 'utf8')).toBe(readFileSync(join(root, 'resources/cli/contacts-softphone-cli'), 'utf8'));
    expect(statSync(launcher).mode & 0o111).toBe(0o111);
  });

  it.skipIf(!canRun)('writes desktopName into the packed package.json, naming the .desktop file', () => {
    const asar = require('@electron/asar') as { extractFile(archive: string, file: string): Buffer };
    const manifest = JSON.parse(asar.extractFile(join(unpacked, 'resources', 'app.asar'), 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest.desktopName).toBe('contacts-softphone.desktop');
    expect(manifest.main).toBe('./out/main/index.js');
  });
});
