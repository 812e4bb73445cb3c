import { join } from 'node:path';

/**
 * Where the Electron build of better-sqlite3 lives. The Node build stays in
 * node_modules/better-sqlite3/build/Release for `npm test`, the CLI and the bench; Electron
 * has another native ABI, so its build sits beside it and main hands its path to
 * better-sqlite3's `nativeBinding` option. Two builds side by side mean `npm start` and
 * `npm test` never rebuild each other's module. No electron import: the caller passes
 * app.isPackaged, process.resourcesPath, app.getAppPath() and process.versions.
 */

/** File name of the compiled module, the same in every location. */
export const NATIVE_MODULE_FILE = 'better_sqlite3.node';

/** Folder (under the project root) caching Electron builds; git-ignored. */
export const NATIVE_CACHE_DIR = '.native';

/** Folder inside the packaged app's resources holding the Electron build. */
export const PACKAGED_NATIVE_DIR = 'native';

/** The runtime a native build is made for. */
export interface NativeTarget {
  electronVersion: string;
  /** A Node platform name: linux, darwin, win32. */
  platform: string;
  /** A Node arch name: x64, arm64, ia32. */
  arch: string;
}

/** `electron-45.5.0-linux-x64`: one folder per Electron version, platform and arch. */
export function nativeBuildDirName(target: NativeTarget): string {
  return `electron-${target.electronVersion}-${target.platform}-${target.arch}`;
}

/** Path of the Electron build in a source checkout: `.native/<dir>/better_sqlite3.node`. */
export function devNativeBindingPath(projectRoot: string, target: NativeTarget): string {
  return join(projectRoot, NATIVE_CACHE_DIR, nativeBuildDirName(target), NATIVE_MODULE_FILE);
}

/** Path of the Electron build in an installed app: `<resources>/native/better_sqlite3.node`. */
export function packagedNativeBindingPath(resourcesPath: string): string {
  return join(resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_MODULE_FILE);
}

/** What main knows about where it runs. */
export interface NativeBindingContext {
  isPackaged: boolean;
  resourcesPath: string;
  /** app.getAppPath(): the project root when started from a checkout. */
  appPath: string;
  versions: { electron?: string };
  platform?: string;
  arch?: string;
}

/**
 * The path to pass as better-sqlite3's `nativeBinding`. Throws only when called outside
 * Electron in development, which is a programming error rather than a user's situation.
 */
export function resolveNativeBinding(context: NativeBindingContext): string {
  if (context.isPackaged) return packagedNativeBindingPath(context.resourcesPath);
  const electronVersion = context.versions.electron;
  if (!electronVersion) {
    throw new Error('resolveNativeBinding needs process.versions.electron: call it from Electron main.');
  }
  return devNativeBindingPath(context.appPath, {
    electronVersion,
    platform: context.platform ?? process.platform,
    arch: context.arch ?? process.arch,
  });
}
