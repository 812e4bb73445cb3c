import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  installedElectronAbi,
  installedElectronVersion,
  locateElectronBinary,
  MISSING_ELECTRON_SENTENCE,
} from '../../scripts/lib/electron-binary';

let root: string;
const electronDir = () => join(root, 'node_modules', 'electron');

function installPackage(version = '45.5.0'): void {
  mkdirSync(electronDir(), { recursive: true });
  writeFileSync(join(electronDir(), 'package.json'), JSON.stringify({ name: 'electron', version }));
  writeFileSync(join(electronDir(), 'abi_version'), '150\n');
}

function installBinary(dist = join(electronDir(), 'dist')): string {
  writeFileSync(join(electronDir(), 'path.txt'), 'electron');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\n');
  return join(dist, 'electron');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'electron-binary-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('electron-binary/locateElectronBinary', () => {
  it('reports a missing electron package', () => {
    const result = locateElectronBinary(root, {});
    expect(result.found).toBe(false);
    expect(result.found ? '' : result.reason).toMatch(/electron package is not installed/);
  });

  it('reports the package without its downloaded binary in one sentence', () => {
    installPackage();
    const result = locateElectronBinary(root, {});
    expect(result).toEqual({ found: false, version: '45.5.0', reason: MISSING_ELECTRON_SENTENCE });
    expect(MISSING_ELECTRON_SENTENCE.split('. ')).toHaveLength(1);
  });

  it('reports path.txt naming an executable that is not in dist/', () => {
    installPackage();
    writeFileSync(join(electronDir(), 'path.txt'), 'electron');
    expect(locateElectronBinary(root, {}).found).toBe(false);
  });

  it('finds the executable that path.txt names inside dist/', () => {
    installPackage();
    const executable = installBinary();
    expect(locateElectronBinary(root, {})).toEqual({
      found: true,
      executable,
      version: '45.5.0',
      distDir: join(electronDir(), 'dist'),
    });
  });

  it('finds an unpacked Electron named by ELECTRON_OVERRIDE_DIST_PATH without any download (no path.txt)', () => {
    installPackage();
    const other = join(root, 'unpacked-electron');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'electron.exe'), '');
    const result = locateElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: other }, undefined, 'win32');
    expect(result).toEqual({ found: true, executable: join(other, 'electron.exe'), version: '45.5.0', distDir: other });
    expect(locateElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nowhere') }, undefined, 'win32').found).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does', () => {
    installPackage();
    const other = join(root, 'custom-dist');
    const executable = installBinary(other);
    const result = locateElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: other });
    expect(result.found && result.executable).toBe(executable);
  });
});

describe('electron-binary/installedElectronVersion', () => {
  it('reads the version and the ABI from the package files', () => {
    expect(installedElectronVersion(root)).toBeNull();
    expect(installedElectronAbi(root)).toBeNull();
    installPackage('46.1.0');
    expect(installedElectronVersion(root)).toBe('46.1.0');
    expect(installedElectronAbi(root)).toBe('150');
  });
});
