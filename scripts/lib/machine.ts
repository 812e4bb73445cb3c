/**
 * The real machine as `npm start` and `npm run package` see it: Electron found by its files,
 * the Electron build of better-sqlite3, commands run with inherited output, and the console.
 * Both entry scripts spread this into their flow's dependencies; tests pass fakes instead.
 */
import { installedElectronAbi, locateElectronBinary } from './electron-binary';
import { ensureElectronNative } from './electron-native';
import { runInherited } from './native-commands';
import type { StartDeps } from './start-flow';

/** The machine-facing part of the flows' dependencies (the same fields in `PackageDeps`). */
export type MachineDeps = Pick<StartDeps, 'projectRoot' | 'locateElectron' | 'ensureNative' | 'run' | 'log' | 'error'>;

export function realMachine(projectRoot: string): MachineDeps {
  const log = (line: string): void => console.log(line);
  return {
    projectRoot,
    locateElectron: () => locateElectronBinary(projectRoot),
    ensureNative: (target) =>
      ensureElectronNative({ projectRoot, target, run: runInherited, log, expectedAbi: installedElectronAbi(projectRoot) }),
    run: (command, args) => runInherited(command, args, { cwd: projectRoot }).status,
    log,
    error: (line) => console.error(line),
  };
}
