/** Test helper: runs the CLI in-process on one database, with a private HOME, capturing its output. */
import { runCli } from '../../../src/main/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A `cli(...args)` bound to `dbPath`, with HOME and the config folders in `home()`. */
export function cliOn(dbPath: () => string, home: () => string): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let out = '';
    let err = '';
    const dir = home();
    const code = await runCli(['--db', dbPath(), '--region', 'US', ...args], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, APPDATA: dir },
    });
    return { code, out, err };
  };
}
