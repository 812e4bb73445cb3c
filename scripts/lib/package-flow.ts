import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_CACHE_DIR, NATIVE_MODULE_FILE, type NativeTarget } from '../../src/main/native-binding';
import type { ElectronBinary } from './electron-binary';
import type { EnsureNativeResult } from './electron-native';

/**
 * `npm run package [-- electron-builder args]`: for every platform/arch the arguments select
 * (the current OS and arch by default, as electron-builder does), ensure the Electron build of
 * better-sqlite3 and stage it where electron-builder.yml's extraResources picks it up, then
 * build and run electron-builder with the arguments passed through.
 */

/** electron-builder's platform keys (its `${os}` macro) for Node's platform names. */
const BUILDER_OS: Record<string, string> = { darwin: 'mac', linux: 'linux', win32: 'win' };
const PLATFORM_FLAGS: Record<string, string> = {
  '--linux': 'linux', '-l': 'linux',
  '--win': 'win32', '--windows': 'win32', '-w': 'win32',
  '--mac': 'darwin', '--macos': 'darwin', '-m': 'darwin', '-o': 'darwin',
};
const ARCH_FLAGS = ['x64', 'ia32', 'armv7l', 'arm64', 'universal'];

/** One build electron-builder will make: Node names for prebuild-install, builder's for paths. */
export interface PackageTarget {
  platform: string;
  builderOs: string;
  /** electron-builder's arch name (its `${arch}` macro). */
  builderArch: string;
  /** Node's arch name, as prebuild-install and node-gyp want it. */
  nodeArch: string;
}

function toNodeArch(builderArch: string): string {
  return builderArch === 'armv7l' ? 'arm' : builderArch;
}

function toBuilderArch(nodeArch: string): string {
  return nodeArch === 'arm' ? 'armv7l' : nodeArch;
}

/** The platform/arch pairs an electron-builder command line selects. */
export function parseBuilderTargets(args: string[], host: { platform: string; arch: string }): PackageTarget[] {
  const platforms = [...new Set(args.flatMap((arg) => (PLATFORM_FLAGS[arg] ? [PLATFORM_FLAGS[arg]] : [])))];
  const requested = args.flatMap((arg) => (ARCH_FLAGS.includes(arg.replace(/^--/, '')) && arg.startsWith('--') ? [arg.slice(2)] : []));
  // A universal mac app is merged from an x64 and an arm64 build, so both need a module.
  const arches = [...new Set(requested.flatMap((arch) => (arch === 'universal' ? ['x64', 'arm64'] : [arch])))];
  const chosenPlatforms = platforms.length ? platforms : [host.platform];
  const chosenArches = arches.length ? arches : [toBuilderArch(host.arch)];
  return chosenPlatforms.flatMap((platform) =>
    chosenArches.map((builderArch) => ({
      platform,
      builderOs: BUILDER_OS[platform] ?? platform,
      builderArch,
      nodeArch: toNodeArch(builderArch),
    })),
  );
}

/** Where electron-builder.yml's extraResources reads the module: `.native/package/<os>-<arch>/`. */
export function stagedNativePath(projectRoot: string, target: Pick<PackageTarget, 'builderOs' | 'builderArch'>): string {
  return join(projectRoot, NATIVE_CACHE_DIR, 'package', `${target.builderOs}-${target.builderArch}`, NATIVE_MODULE_FILE);
}

/** Everything `npm run package` touches; `args` are electron-builder's, passed through. */
export interface PackageDeps {
  projectRoot: string;
  args: string[];
  host: { platform: string; arch: string };
  locateElectron: () => ElectronBinary;
  electronVersion: string;
  ensureNative: (target: NativeTarget) => EnsureNativeResult;
  run: (command: string, args: string[]) => number | null;
  log: (line: string) => void;
  error: (line: string) => void;
  nodePath: string;
}

/** The electron-builder arguments: the user's, plus offline and no-publish defaults. */
export function builderArgs(deps: Pick<PackageDeps, 'args' | 'host' | 'locateElectron'>, targets: PackageTarget[]): string[] {
  const args = [...deps.args];
  if (!args.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish='))) args.push('--publish', 'never');
  // A local Electron of the same platform/arch saves electron-builder its download.
  const onlyHost = targets.every((t) => t.platform === deps.host.platform && t.nodeArch === deps.host.arch);
  const local = onlyHost ? deps.locateElectron() : null;
  if (local?.found && !args.some((arg) => arg.includes('electronDist'))) args.push(`-c.electronDist=${local.distDir}`);
  return args;
}

/** Runs `npm run package`'s steps; returns the process exit code. */
export function runPackage(deps: PackageDeps): number {
  const targets = parseBuilderTargets(deps.args, deps.host);
  for (const target of targets) {
    const native = deps.ensureNative({ electronVersion: deps.electronVersion, platform: target.platform, arch: target.nodeArch });
    if (!native.ok) {
      deps.error(native.message);
      return 1;
    }
    const staged = stagedNativePath(deps.projectRoot, target);
    mkdirSync(join(staged, '..'), { recursive: true });
    cpSync(native.path, staged);
    deps.log(`better-sqlite3 for Electron ${deps.electronVersion} ${target.builderOs}-${target.builderArch}: ${native.source}`);
  }
  const modules = join(deps.projectRoot, 'node_modules');
  const build = deps.run(deps.nodePath, [join(modules, 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  if (build !== 0) {
    deps.error(`The build failed (electron-vite build exited with ${build ?? 'a signal'}); see its output above.`);
    return build || 1;
  }
  return deps.run(deps.nodePath, [join(modules, 'electron-builder', 'cli.js'), ...builderArgs(deps, targets)]) ?? 1;
}
