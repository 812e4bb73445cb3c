/**
 * The command line's password store. The app keeps passwords with Electron's safeStorage,
 * whose key lives in the OS keychain under the app's own identity; a plain Node process
 * cannot use it. So the CLI keeps its own: `cli-secrets.json` in the user-data folder (or
 * the file `CONTACTS_CLI_SECRETS` names), mode 0600, readable only by the user, with the
 * password in clear text inside, as git's credential store does. `carddav add` says so when
 * it stores a password. Accounts added in the app have no password here, and the reverse.
 */
import { join } from 'node:path';
import type { Secrets } from '../contacts/carddav/secrets';
import { createFileSecrets } from './file-store';

export const CLI_SECRETS_FILE = 'cli-secrets.json';

export function cliSecretsPath(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTACTS_CLI_SECRETS || join(userDataDir, CLI_SECRETS_FILE);
}

export function createCliSecrets(path: string): Secrets {
  return createFileSecrets({
    path,
    where: `${path} (a file only you can read; the command line cannot reach the app's keychain)`,
    seal: (value) => value,
    open: (sealed) => sealed,
  });
}
