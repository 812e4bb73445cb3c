import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the Electron executable by its files, never by `require('electron')`: since
 * Electron 42 requiring the package downloads the binary when it is missing, which hangs or
 * fails on machines without internet (the development and CI machines of this project).
 * The layout mirrors node_modules/electron/index.js: `path.txt` names the executable inside
 * `dist/`, and ELECTRON_OVERRIDE_DIST_PATH replaces `dist/`.
 */

/** Either the executable and version, or one sentence saying why there is none. */
export type ElectronBinary =
  | { found: true; executable: string; version: string; distDir: string }
  | { found: false; version: string | null; reason: string };

/** The files the locator reads; the real fs by default, fakes in tests. */
export interface ElectronFiles {
  exists(path: string): boolean;
  read(path: string): string;
}

const realFiles: ElectronFiles = {
  exists: existsSync,
  read: (path) => readFileSync(path, 'utf8'),
};

/** Why there is no binary although the package is installed; `npm start` then downloads it. */
export const MISSING_ELECTRON_SENTENCE = "Electron's binary is not installed yet (node_modules/electron/dist is empty).";

/** The executable's path inside an Electron dist folder, as electron/install.js writes path.txt. */
export function executableInDist(platform: string): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Version of the installed electron package, or null when the package itself is missing. */
export function installedElectronVersion(projectRoot: string, files: ElectronFiles = realFiles): string | null {
  const manifest = join(projectRoot, 'node_modules', 'electron', 'package.json');
  if (!files.exists(manifest)) return null;
  const parsed = JSON.parse(files.read(manifest)) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : null;
}

/** Electron's NODE_MODULE_VERSION as its package records it (`abi_version`), or null. */
export function installedElectronAbi(projectRoot: string, files: ElectronFiles = realFiles): string | null {
  const abiFile = join(projectRoot, 'node_modules', 'electron', 'abi_version');
  return files.exists(abiFile) ? files.read(abiFile).trim() || null : null;
}

/** Locates the Electron executable of this checkout without running or downloading it. */
export function locateElectronBinary(
  projectRoot: string,
  env: Record<string, string | undefined> = process.env,
  files: ElectronFiles = realFiles,
  platform: string = process.platform,
): ElectronBinary {
  const version = installedElectronVersion(projectRoot, files);
  if (version === null) {
    return { found: false, version, reason: 'The electron package is not installed: run `npm install`.' };
  }
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const distDir = override || join(packageDir, 'dist');
  // An override needs no download, hence no path.txt: the platform's usual name then.
  const name = files.exists(pathFile) ? files.read(pathFile).trim() : override ? executableInDist(platform) : null;
  if (name === null) return { found: false, version, reason: MISSING_ELECTRON_SENTENCE };
  const executable = join(distDir, name);
  if (!files.exists(executable)) return { found: false, version, reason: MISSING_ELECTRON_SENTENCE };
  return { found: true, executable, version, distDir };
}
