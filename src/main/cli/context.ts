/**
 * What every verb receives. A verb is a module `{ summary, usage, run(ctx) }` registered in
 * verbs/index.ts; it returns the exit code and writes only through `stdout` / `stderr`.
 */
import type { Database } from 'better-sqlite3';
import type { CountryCode } from '../contacts/phone';
import type { ContactService } from '../contacts/service';
import type { ContactStore } from '../contacts/store';
import type { CliSecretStore } from '../secrets/cli-secrets';
import type { Progress } from './progress';

export interface VerbOptions {
  /** The database file. */
  db: string;
  /** `--region`, validated: the region to read (and, for `import`, store with the source) numbers in. */
  region?: CountryCode;
  /** The region when none is given or stored: the app setting, else the OS locale's country. */
  defaultRegion?: CountryCode;
  /** The service name every contact's `type` carries. */
  service: string;
  /** Print JSON instead of tables. */
  json: boolean;
  /** `--verbose`: reports list every skip, trim and changed number, not just their counts. */
  verbose: boolean;
  /** Cells a table row may take (the terminal's width); undefined when stdout is not a terminal and COLUMNS is unset. */
  width?: number;
  /** The app setting: widget replies carry http(s) photo URLs (`request` answers as the app would). */
  showRemotePhotos: boolean;
  /** The app's user-data folder (settings, the CLI's secrets file). */
  userDataDir: string;
}

export interface Writer {
  /** False when the stream's buffer is full (Node streams); then `once('drain')` tells when to go on. */
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  /** A terminal (Node's tty.WriteStream): progress lines and fitted tables only then. */
  isTTY?: boolean;
  columns?: number;
}

export interface VerbContext {
  /** The verb's own arguments (global options removed). */
  argv: string[];
  options: VerbOptions;
  /** Opens (and migrates) the database; `readonly` verbs do not create a missing file. */
  openStore(mode?: { readonly?: boolean }): ContactStore;
  /** The connection under `openStore()` (opened with it), for core modules that keep their own tables. */
  database(mode?: { readonly?: boolean }): Database;
  /**
   * The contact service over `openStore()`, as the app would answer the widget; `search` may
   * ask for another cap and no byte budget (the CLI's `search --limit`).
   */
  service(mode?: { readonly?: boolean; searchLimit?: number; maxReplyBytes?: number }): ContactService;
  /** The progress line on stderr (silent unless stderr is a terminal). */
  progress: Progress;
  /**
   * The CardDAV password store, opened on first call: the app's (safeStorage, after the app is
   * ready) when the CLI runs inside the installed app, else the CLI's 0600 file.
   */
  secrets(): Promise<CliSecretStore>;
  stdout: Writer;
  stderr: Writer;
  /** Where a password typed or piped in is read from (`carddav add`). */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export interface Verb {
  /** One line for the help text. */
  summary: string;
  /** The arguments after the verb, e.g. `TEXT` or `PATH [BODY_JSON]`. */
  usage: string;
  run(ctx: VerbContext): number | Promise<number>;
}

/** Exit codes shared by every verb. */
export const EXIT = { ok: 0, failure: 1, usage: 2, tooNew: 3 } as const;

/** For verbs that take no arguments: writes the usage error and returns its exit code, or null when there are none. */
export function refuseArguments(ctx: VerbContext, verb: string): number | null {
  if (ctx.argv.length === 0) return null;
  ctx.stderr.write(`error: usage: ${verb} (takes no arguments)\n`);
  return EXIT.usage;
}
