import { join } from 'node:path';
import type { ElectronBinary } from './electron-binary';

/**
 * `npm start`: check the Electron binary, build, launch. Each step that cannot go on says why
 * in one sentence and the command exits non-zero.
 */

/** Everything `npm start` touches, passed in so tests can use fakes. */
export interface StartDeps {
  projectRoot: string;
  locateElectron: () => ElectronBinary;
  /** Runs a command in the project root with inherited output; returns its exit status. */
  run: (command: string, args: string[]) => number | null;
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

/** Runs `npm start`'s steps in order; returns the process exit code. */
export function runStart(deps: StartDeps): number {
  const electron = deps.locateElectron();
  if (!electron.found) {
    deps.error(electron.reason);
    return 1;
  }
  if (deps.dev) return deps.run(...electronViteCommand(deps, ['dev'])) ?? 1;

  const build = deps.run(...electronViteCommand(deps, ['build']));
  if (build !== 0) {
    deps.error(`The build failed (electron-vite build exited with ${build ?? 'a signal'}); see its output above.`);
    return build || 1;
  }
  // preview launches Electron on the fresh out/ without building a second time.
  const app = deps.run(...electronViteCommand(deps, ['preview', '--skipBuild']));
  return app ?? 1;
}
