import { join } from 'node:path';
import type { ElectronBinary } from './electron-binary';
import type { SandboxFacts } from './sandbox';
import { noSandboxReason } from './sandbox';

/**
 * `npm start`: build, fetch Electron's binary the first time (Electron 42+ no longer
 * downloads it on `npm install`), then launch. Each step that cannot go on says why in one
 * sentence and the command exits non-zero.
 */

/** A finished command: its exit status (null when it could not start or was killed). */
export interface Captured {
  status: number | null;
  /** What it wrote to stderr. */
  stderr: string;
}

/** Everything `npm start` touches, passed in so tests can use fakes. */
export interface StartDeps {
  projectRoot: string;
  locateElectron: () => ElectronBinary;
  /** Runs a command in the project root with inherited output; returns its exit status. */
  run: (command: string, args: string[], env?: Record<string, string>) => number | null;
  /** Runs a command with stdout inherited and stderr captured. */
  capture: (command: string, args: string[]) => Captured;
  sandboxFacts: (distDir: string) => SandboxFacts;
  log: (line: string) => void;
  error: (line: string) => void;
  platform: string;
  arch: string;
  nodePath: string;
  /** `electron-vite dev` (hot reload) instead of build + preview: `node scripts/start.mjs --dev`. */
  dev?: boolean;
}

/** The electron-vite command line for one subcommand, run through node for portability. */
export function electronViteCommand(deps: Pick<StartDeps, 'projectRoot' | 'nodePath'>, args: string[]): [string, string[]] {
  return [deps.nodePath, [join(deps.projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ...args]];
}

/** The installer's error message (its first `SomeError: message` line, shortened): the cause. */
function downloadCause(stderr: string): string | null {
  for (const line of stderr.split('\n')) {
    const match = /^\s*[A-Za-z]*Error: (.+)$/.exec(line);
    if (match?.[1]) return match[1].trim().slice(0, 160);
  }
  return null;
}

/** The sentence printed when the download failed: the cause, then the two ways out. */
export function downloadFailedSentence(version: string, platform: string, arch: string, cause: string | null): string {
  return (
    `Could not download Electron ${version} for ${platform}-${arch}${cause ? ` (${cause})` : ''}: ` +
    'give this machine network access and run `npm start` again, or set ELECTRON_OVERRIDE_DIST_PATH ' +
    `to the folder of an unpacked Electron ${version} for ${platform}-${arch}.`
  );
}

/** Locates Electron, running the electron package's own installer when the binary is absent. */
function ensureElectron(deps: StartDeps): Extract<ElectronBinary, { found: true }> | null {
  const first = deps.locateElectron();
  if (first.found) return first;
  if (first.version === null) {
    deps.error(first.reason);
    return null;
  }
  deps.log(`${first.reason} Downloading Electron ${first.version} (about 100 MB, once) with node_modules/electron/install.js…`);
  const install = deps.capture(deps.nodePath, [join(deps.projectRoot, 'node_modules', 'electron', 'install.js')]);
  const after = deps.locateElectron();
  if (install.status === 0 && after.found) return after;
  deps.error(downloadFailedSentence(first.version, deps.platform, deps.arch, downloadCause(install.stderr)));
  return null;
}

/** Runs `npm start`'s steps in order; returns the process exit code. */
export function runStart(deps: StartDeps): number {
  if (!deps.dev) {
    const build = deps.run(...electronViteCommand(deps, ['build']));
    if (build !== 0) {
      deps.error(`The build failed (electron-vite build exited with ${build ?? 'a signal'}); see its output above.`);
      return build || 1;
    }
  }
  const electron = ensureElectron(deps);
  if (!electron) return 1;

  // preview launches Electron on the fresh out/ without building a second time.
  const args = deps.dev ? ['dev'] : ['preview', '--skipBuild'];
  const noSandbox = noSandboxReason(deps.sandboxFacts(electron.distDir));
  if (noSandbox) {
    deps.log(`Starting Electron with --no-sandbox: ${noSandbox}.`);
    args.push('--noSandbox');
  }
  // electron-vite finds Electron through path.txt only; ELECTRON_EXEC_PATH makes it start the
  // binary located here, which honours ELECTRON_OVERRIDE_DIST_PATH.
  return deps.run(...electronViteCommand(deps, args), { ELECTRON_EXEC_PATH: electron.executable }) ?? 1;
}
