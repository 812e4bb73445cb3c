import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { NativeTarget } from '../../src/main/native-binding';

/**
 * The commands that produce an Electron build of better-sqlite3, in the order they are tried.
 * Every command runs through `process.execPath` on the package's own JS entry point, so the
 * same line works on Windows (no .cmd shims) and needs no global tools.
 */

/** Exit status of a finished command; null when it could not be started or was killed. */
export interface CommandResult {
  status: number | null;
}

/** Runs a command to completion; injected so tests can fake it. */
export type RunCommand = (
  command: string,
  args: string[],
  /** Variables to set; undefined removes one inherited from this process. */
  options: { cwd: string; env?: Record<string, string | undefined> },
) => CommandResult;

/** The real runner: output goes straight to the terminal. */
export const runInherited: RunCommand = (command, args, options) => {
  const env = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(command, args, { cwd: options.cwd, stdio: 'inherit', env });
  return { status: result.error ? null : result.status };
};

/** One way to produce the module: a command run inside the temporary package copy. */
export interface BuildAttempt {
  source: 'prebuilt' | 'compiled';
  description: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
}

/** The target, the host (node-gyp builds only for it) and where the tools are. */
export interface AttemptOptions {
  projectRoot: string;
  target: NativeTarget;
  hostPlatform: string;
  hostArch: string;
  /** node-gyp's header cache for Electron, kept apart from Node's headers. */
  headersDir: string;
  nodePath?: string;
}

/**
 * First prebuild-install (better-sqlite3 publishes Electron prebuilds on its GitHub releases:
 * seconds, and no compiler needed), then node-gyp against Electron's headers. We call node-gyp
 * rather than @electron/rebuild: rebuild works on a project's whole node_modules, while here
 * one package copy is built and node-gyp's electron flags are what rebuild passes anyway.
 * node-gyp cannot cross-compile, so it is offered only for the host's platform and arch.
 */
export function nativeBuildAttempts(options: AttemptOptions): BuildAttempt[] {
  const { projectRoot, target } = options;
  const node = options.nodePath ?? process.execPath;
  const modules = join(projectRoot, 'node_modules');
  const attempts: BuildAttempt[] = [
    {
      source: 'prebuilt',
      description: 'downloading the prebuilt binary (prebuild-install)',
      command: node,
      args: [
        join(modules, 'prebuild-install', 'bin.js'),
        '--runtime', 'electron',
        '--target', target.electronVersion,
        '--platform', target.platform,
        '--arch', target.arch,
        '--verbose',
      ],
    },
  ];
  if (target.platform === options.hostPlatform && target.arch === options.hostArch) {
    attempts.push({
      source: 'compiled',
      description: "compiling against Electron's headers (node-gyp)",
      command: node,
      args: [
        join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${target.electronVersion}`,
        `--arch=${target.arch}`,
        '--dist-url=https://electronjs.org/headers',
        `--devdir=${options.headersDir}`,
      ],
      // npm passes its config to scripts as npm_config_*; a `nodedir` there (Debian's npm sets
      // /usr) would make node-gyp compile against Node's headers instead of Electron's.
      env: { npm_config_nodedir: undefined, NPM_CONFIG_NODEDIR: undefined },
    });
  }
  return attempts;
}
