import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { devNativeBindingPath, NATIVE_CACHE_DIR, NATIVE_MODULE_FILE, type NativeTarget } from '../../src/main/native-binding';
import { nativeBuildAttempts, type RunCommand } from './native-commands';

/**
 * Makes the Electron build of better-sqlite3 available in `.native/`, leaving the Node build
 * in node_modules untouched: the commands run inside a temporary copy of the package, so
 * `npm start` then `npm test` (and the reverse) need no rebuild in between.
 */

/** Where the build came from: reused, downloaded prebuilt, or compiled here. */
export type NativeSource = 'cache' | 'prebuilt' | 'compiled';

/** The module's path and where it came from, or the one sentence saying why there is none. */
export type EnsureNativeResult = { ok: true; path: string; source: NativeSource } | { ok: false; message: string };

/** What ensureElectronNative needs; `run` is the only side effect tests replace. */
export interface EnsureNativeOptions {
  projectRoot: string;
  target: NativeTarget;
  run: RunCommand;
  log?: (line: string) => void;
  hostPlatform?: string;
  hostArch?: string;
  /** Where the temporary package copy goes; the OS temp folder by default. */
  tempRoot?: string;
  /**
   * Electron's NODE_MODULE_VERSION (node_modules/electron/abi_version). A build exporting
   * another ABI is rejected: a stray `nodedir` in npm's config once made node-gyp compile
   * against Node's headers, and such a module only fails later, inside Electron.
   */
  expectedAbi?: string | null;
}

/** Beside each cached build: which better-sqlite3 it was made from, so an upgrade rebuilds. */
const MANIFEST_FILE = 'build.json';

interface BuildManifest {
  betterSqlite3: string;
  source: Exclude<NativeSource, 'cache'>;
}

function betterSqlite3Dir(projectRoot: string): string {
  return join(projectRoot, 'node_modules', 'better-sqlite3');
}

function betterSqlite3Version(projectRoot: string): string {
  const manifest = JSON.parse(readFileSync(join(betterSqlite3Dir(projectRoot), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * The NODE_MODULE_VERSION a compiled module registers itself with, read from the
 * `node_register_module_v<N>` symbol name that Node's NODE_MODULE_INIT macro exports (present
 * in ELF, Mach-O and PE export tables alike), or null when there is none.
 */
export function moduleAbiOf(modulePath: string): string | null {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(modulePath).toString('latin1'));
  return match?.[1] ?? null;
}

function hasExpectedAbi(modulePath: string, expectedAbi: string | null | undefined): boolean {
  return !expectedAbi || moduleAbiOf(modulePath) === expectedAbi;
}

/** True when `.native/` already holds a usable build for this target and package version. */
export function isCachedBuildCurrent(projectRoot: string, target: NativeTarget, expectedAbi?: string | null): boolean {
  const modulePath = devNativeBindingPath(projectRoot, target);
  const manifestPath = join(dirname(modulePath), MANIFEST_FILE);
  if (!existsSync(modulePath) || statSync(modulePath).size === 0 || !existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<BuildManifest>;
    return manifest.betterSqlite3 === betterSqlite3Version(projectRoot) && hasExpectedAbi(modulePath, expectedAbi);
  } catch {
    return false;
  }
}

/** The one sentence printed when no build could be had. */
export function nativeUnavailableSentence(target: NativeTarget, canCompile: boolean): string {
  const what = `better-sqlite3 for Electron ${target.electronVersion} (${target.platform}-${target.arch})`;
  return canCompile
    ? `Could not get ${what}: no prebuilt binary could be downloaded and building against Electron's headers failed ` +
        '(they need internet access and a C++ toolchain); connect to the internet and run the command again.'
    : `Could not get ${what}: no prebuilt binary could be downloaded and a build for another platform or arch ` +
        'cannot be compiled on this machine; connect to the internet and run the command again.';
}

/** Copies the package sources without its build/ folder, so nothing touches the Node build. */
function copyPackage(projectRoot: string, tempRoot: string): string {
  const workDir = mkdtempSync(join(tempRoot, 'softphone-native-'));
  const packageCopy = join(workDir, 'better-sqlite3');
  const source = betterSqlite3Dir(projectRoot);
  cpSync(source, packageCopy, {
    recursive: true,
    filter: (path) => !['build', 'node_modules'].includes(basename(path)) || dirname(path) !== source,
  });
  return packageCopy;
}

function install(built: string, destination: string, manifest: BuildManifest): void {
  mkdirSync(dirname(destination), { recursive: true });
  // Copy then rename, so an interrupted run never leaves a half-written module in the cache.
  const partial = `${destination}.partial`;
  cpSync(built, partial);
  renameSync(partial, destination);
  writeFileSync(join(dirname(destination), MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Ensures `.native/electron-<v>-<platform>-<arch>/better_sqlite3.node`; cached after the first time. */
export function ensureElectronNative(options: EnsureNativeOptions): EnsureNativeResult {
  const { projectRoot, target, run } = options;
  const log = options.log ?? (() => {});
  const destination = devNativeBindingPath(projectRoot, target);
  if (isCachedBuildCurrent(projectRoot, target, options.expectedAbi)) return { ok: true, path: destination, source: 'cache' };

  const attempts = nativeBuildAttempts({
    projectRoot,
    target,
    hostPlatform: options.hostPlatform ?? process.platform,
    hostArch: options.hostArch ?? process.arch,
    headersDir: join(projectRoot, NATIVE_CACHE_DIR, 'headers'),
  });
  const packageCopy = copyPackage(projectRoot, options.tempRoot ?? tmpdir());
  try {
    for (const attempt of attempts) {
      log(`better-sqlite3 for Electron ${target.electronVersion}: ${attempt.description}`);
      // A failed attempt may leave a module behind; never let the next one pass with it.
      rmSync(join(packageCopy, 'build'), { recursive: true, force: true });
      const result = run(attempt.command, attempt.args, { cwd: packageCopy, env: attempt.env });
      const built = join(packageCopy, 'build', 'Release', NATIVE_MODULE_FILE);
      if (result.status !== 0 || !existsSync(built)) continue;
      if (!hasExpectedAbi(built, options.expectedAbi)) {
        log(`  rejected: it was built for ABI ${moduleAbiOf(built) ?? 'unknown'}, Electron needs ${options.expectedAbi}`);
        continue;
      }
      install(built, destination, { betterSqlite3: betterSqlite3Version(projectRoot), source: attempt.source });
      return { ok: true, path: destination, source: attempt.source };
    }
  } finally {
    rmSync(dirname(packageCopy), { recursive: true, force: true });
  }
  return { ok: false, message: nativeUnavailableSentence(target, attempts.length > 1) };
}
