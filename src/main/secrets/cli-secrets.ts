/**
 * Where the command line keeps CardDAV passwords. Inside the installed app
 * (`contacts-softphone contacts …`, `contacts-softphone-cli`) it uses the app's own store:
 * Electron's safeStorage, whose key the OS keychain holds for the app, once the app is ready
 * (safe-storage.ts), so an account added on either side works on both. A plain Node process
 * (`npm run contacts` in a source checkout) cannot use that key, so there the CLI keeps its
 * own: `cli-secrets.json` in the user-data folder (or the file `CONTACTS_CLI_SECRETS` names),
 * mode 0600, readable only by the user, with the password in clear text inside, as git's
 * credential store does; `carddav add` says so in one line.
 * No electron import: src/main/index.ts passes Electron's pieces in (`AppKeychain`).
 */
import { join } from 'node:path';
import type { Secrets } from '../contacts/carddav/secrets';
import { createFileSecrets } from './file-store';
import { createSafeStorageSecrets, type SafeStorageApi } from './safe-storage';

export const CLI_SECRETS_FILE = 'cli-secrets.json';

export function cliSecretsPath(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.CONTACTS_CLI_SECRETS || join(userDataDir, CLI_SECRETS_FILE);
}

export function createCliSecrets(path: string): Secrets {
  return createFileSecrets({
    path,
    where: `${path}, a file only you can read`,
    seal: (value) => value,
    open: (sealed) => sealed,
  });
}

/** What the installed app hands its CLI: safeStorage works once the app is ready. */
export interface AppKeychain {
  whenReady(): Promise<unknown>;
  safeStorage: SafeStorageApi;
}

export interface CliSecretStore {
  secrets: Secrets;
  /** True when this is the app's own store: passwords added here are the app's too. */
  sharedWithApp: boolean;
  /** One line saying where a password was kept (and, outside the app, why not in the keychain). */
  notice: string;
}

/** The app's store when the CLI runs inside the installed app, else the CLI's own file. */
export async function openCliSecrets(userDataDir: string, env: NodeJS.ProcessEnv, app?: AppKeychain): Promise<CliSecretStore> {
  if (app) {
    await app.whenReady();
    const secrets = createSafeStorageSecrets(app.safeStorage, userDataDir);
    return { secrets, sharedWithApp: true, notice: `password kept in ${secrets.where}, the same store the app uses` };
  }
  const secrets = createCliSecrets(cliSecretsPath(userDataDir, env));
  return {
    secrets,
    sharedWithApp: false,
    notice: `password kept in ${secrets.where}: run from a source checkout, the command line cannot reach the app's keychain (the installed app's contacts-softphone-cli can)`,
  };
}

/**
 * A store opened on its first use: `sync` passes one to the CardDAV core, so a sync of files
 * alone (no account, so no password asked for) never waits for the app to be ready.
 */
export function deferredSecrets(open: () => Promise<Secrets>): Secrets {
  let opened: Secrets | undefined;
  const store = async (): Promise<Secrets> => (opened ??= await open());
  return {
    get where() {
      return opened?.where ?? 'the password store';
    },
    get: async (key) => (await store()).get(key),
    set: async (key, value) => (await store()).set(key, value),
    delete: async (key) => (await store()).delete(key),
  };
}
