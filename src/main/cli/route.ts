/**
 * The installed app answers the command line: `contacts-softphone contacts VERB ...` runs the
 * same CLI as `npm run contacts` in a clone, in the app's main process, before any window,
 * `ready` or single-instance work (so it also runs beside an open app). The RunAsNode fuse
 * stays off: this is the app itself choosing what to run, not Node run through it.
 */
export const CLI_SUBCOMMAND = 'contacts';

/**
 * The CLI's arguments when this start is a command-line run, else null. `defaultApp` is
 * Electron's `process.defaultApp` (a development start, `electron .`, has the app path as
 * its first argument).
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  return args[0] === CLI_SUBCOMMAND ? args.slice(1) : null;
}

export interface EntryDeps {
  argv: readonly string[];
  defaultApp: boolean;
  runCli: (args: string[]) => Promise<number>;
  startApp: () => void;
  exit: (code: number) => void;
}

/** Either runs the CLI and exits with its code, or starts the app; never both. */
export function routeEntry({ argv, defaultApp, runCli, startApp, exit }: EntryDeps): 'cli' | 'app' {
  const args = cliArguments(argv, defaultApp);
  if (!args) {
    startApp();
    return 'app';
  }
  void runCli(args).then(exit, () => exit(1));
  return 'cli';
}
