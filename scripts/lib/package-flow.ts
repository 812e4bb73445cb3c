import { join } from 'node:path';
import type { ElectronBinary } from './electron-binary';

/**
 * `npm run package [-- electron-builder args]`: `electron-vite build`, then electron-builder
 * with the arguments passed through (the current OS and arch by default, as electron-builder
 * does). There is no native step: better-sqlite3's prebuilt Node-API binaries for every
 * platform are in node_modules already, and electron-builder.yml keeps the target's one.
 */

const PLATFORM_FLAGS: Record<string, string> = {
  '--linux': 'linux', '-l': 'linux',
  '--win': 'win32', '--windows': 'win32', '-w': 'win32',
  '--mac': 'darwin', '--macos': 'darwin', '-m': 'darwin', '-o': 'darwin',
};
const ARCH_FLAGS = ['x64', 'arm64', 'universal'];
/** Arches electron-builder still accepts but Electron 44+ is no longer published for. */
const DROPPED_ARCH_FLAGS = ['ia32', 'armv7l'];

/** One build electron-builder will make, in Node's platform and arch names. */
export interface PackageTarget {
  platform: string;
  arch: string;
}

const archFlags = (args: string[], names: string[]): string[] =>
  args.flatMap((arg) => (arg.startsWith('--') && names.includes(arg.slice(2)) ? [arg.slice(2)] : []));

/** The platform/arch pairs an electron-builder command line selects. */
export function parseBuilderTargets(args: string[], host: { platform: string; arch: string }): PackageTarget[] {
  const platforms = [...new Set(args.flatMap((arg) => (PLATFORM_FLAGS[arg] ? [PLATFORM_FLAGS[arg]] : [])))];
  const arches = [...new Set(archFlags(args, ARCH_FLAGS))];
  const chosenPlatforms = platforms.length ? platforms : [host.platform];
  const chosenArches = arches.length ? arches : [host.arch];
  return chosenPlatforms.flatMap((platform) => chosenArches.map((arch) => ({ platform, arch })));
}

/** Everything `npm run package` touches; `args` are electron-builder's, passed through. */
export interface PackageDeps {
  projectRoot: string;
  args: string[];
  host: { platform: string; arch: string };
  locateElectron: () => ElectronBinary;
  run: (command: string, args: string[]) => number | null;
  error: (line: string) => void;
  nodePath: string;
}

/** The electron-builder arguments: the user's, plus offline and no-publish defaults. */
export function builderArgs(deps: Pick<PackageDeps, 'args' | 'host' | 'locateElectron'>): string[] {
  const args = [...deps.args];
  if (!args.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish='))) args.push('--publish', 'never');
  // A local Electron of the same platform/arch saves electron-builder its download.
  const targets = parseBuilderTargets(deps.args, deps.host);
  const onlyHost = targets.every((t) => t.platform === deps.host.platform && t.arch === deps.host.arch);
  const local = onlyHost ? deps.locateElectron() : null;
  if (local?.found && !args.some((arg) => arg.includes('electronDist'))) args.push(`-c.electronDist=${local.distDir}`);
  return args;
}

/** Runs `npm run package`'s steps; returns the process exit code. */
export function runPackage(deps: PackageDeps): number {
  const dropped = archFlags(deps.args, DROPPED_ARCH_FLAGS);
  if (dropped.length > 0) {
    deps.error(`Electron 44 and newer is not published for ${dropped.join(' or ')}: build for --x64 or --arm64.`);
    return 1;
  }
  const modules = join(deps.projectRoot, 'node_modules');
  const build = deps.run(deps.nodePath, [join(modules, 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  if (build !== 0) {
    deps.error(`The build failed (electron-vite build exited with ${build ?? 'a signal'}); see its output above.`);
    return build || 1;
  }
  return deps.run(deps.nodePath, [join(modules, 'electron-builder', 'cli.js'), ...builderArgs(deps)]) ?? 1;
}
