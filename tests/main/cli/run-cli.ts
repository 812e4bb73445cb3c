/** Test helper: runs the CLI in-process on one database, with a private HOME, capturing its output. */
import { runCli } from '../../../src/main/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** What the streams claim to be: a terminal of some width, or (the default) a pipe. */
export interface Terminal {
  stdout?: { isTTY?: boolean; columns?: number };
  stderr?: { isTTY?: boolean; columns?: number };
  env?: NodeJS.ProcessEnv;
}

/** A `cli(...args)` bound to `dbPath`, with HOME and the config folders in `home()`. */
export function cliOn(dbPath: () => string, home: () => string, terminal: Terminal = {}): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let out = '';
    let err = '';
    const dir = home();
    const code = await runCli(['--db', dbPath(), '--region', 'US', ...args], {
      stdout: { ...terminal.stdout, write: (t: string) => (out += t) },
      stderr: { ...terminal.stderr, write: (t: string) => (err += t) },
      env: { ...process.env, COLUMNS: '', HOME: dir, XDG_CONFIG_HOME: dir, APPDATA: dir, ...terminal.env },
    });
    return { code, out, err };
  };
}
