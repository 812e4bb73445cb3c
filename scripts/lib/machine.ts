/**
 * The real machine as `npm start` and `npm run package` see it: Electron found by its files,
 * the Electron build of better-sqlite3, commands run with inherited output, and the console.
 * Both entry scripts spread this into their flow's dependencies; tests pass fakes instead.
 */
import { installedElectronAbi, locateElectronBinary, type ElectronBinary } from './electron-binary';
import type { NativeTarget } from '../../src/main/native-binding';
import { ensureElectronNative, type EnsureNativeResult } from './electron-native';
import { runInherited } from './native-commands';

export interface MachineDeps {
  projectRoot: string;
  locateElectron: () => ElectronBinary;
  ensureNative: (target: NativeTarget) => EnsureNativeResult;
  run: (command: string, args: string[]) => number | null;
  log: (line: string) => void;
  error: (line: string) => void;
}

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
