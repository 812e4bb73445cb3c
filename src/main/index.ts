/**
 * Main-process entry. A command-line start (`contacts-softphone contacts VERB ...`) runs the
 * CLI and exits, before anything else happens (cli/route.ts); every other start goes to
 * app/start.ts with the real Electron API, so the startup order is read in one place.
 */
import * as electron from 'electron';
import { electronApiFrom } from './app/electron-api';
import { start } from './app/start';
import { runCli } from './cli/main';
import { routeEntry } from './cli/route';

routeEntry({
  argv: process.argv,
  defaultApp: Boolean(process.defaultApp),
  runCli: (args) => {
    // No dock icon for a command-line run on macOS.
    electron.app.dock?.hide();
    // CardDAV passwords through safeStorage, as the app keeps them (waited for only by the
    // verbs that need a password).
    const keychain = { whenReady: () => electron.app.whenReady(), safeStorage: electron.safeStorage };
    return runCli(args, { stdout: process.stdout, stderr: process.stderr, keychain });
  },
  startApp: () => start(electronApiFrom(electron)),
  // Piped output may still be queued (macOS pipes are asynchronous): flush it, then exit.
  exit: (code) => process.stdout.write('', () => process.stderr.write('', () => electron.app.exit(code))),
});
