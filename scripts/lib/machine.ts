/**
 * The real machine as `npm start` and `npm run package` see it: Electron found by its files,
 * commands run with inherited output, and the console. Both entry scripts spread this into
 * their flow's dependencies; tests pass fakes instead.
 */
import { spawnSync } from 'node:child_process';
import { locateElectronBinary } from './electron-binary';
import { hostSandboxFacts } from './sandbox';
import type { StartDeps } from './start-flow';

/** The machine-facing part of the flows' dependencies (the same fields in `PackageDeps`). */
export type MachineDeps = Pick<StartDeps, 'projectRoot' | 'locateElectron' | 'run' | 'capture' | 'sandboxFacts' | 'log' | 'error'>;

export function realMachine(projectRoot: string): MachineDeps {
  return {
    projectRoot,
    locateElectron: () => locateElectronBinary(projectRoot),
    run: (command, args, env = {}) => {
      const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
      return result.error ? null : result.status;
    },
    capture: (command, args) => {
      const result = spawnSync(command, args, { cwd: projectRoot, stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' });
      return { status: result.error ? null : result.status, stderr: result.stderr ?? '' };
    },
    sandboxFacts: hostSandboxFacts,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  };
}
