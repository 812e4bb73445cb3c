/**
 * The app's password store: each password encrypted with Electron's safeStorage (its key is
 * held by the OS keychain: Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet
 * on Linux) and the ciphertext kept in `carddav-secrets.json` (0600) in the user-data folder.
 * Injected into the CardDAV core as its `secrets`; main process only, after the app is ready.
 * Electron's safeStorage is passed in (the ElectronApi object), not imported, so start-up
 * stays testable without Electron.
 */

export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { Secrets } from '../contacts/carddav/secrets';
import { createFileSecrets } from './file-store';

export const APP_SECRETS_FILE = 'carddav-secrets.json';

/** Where safeStorage keeps its key, for messages. Linux without a keyring falls back to a fixed key. */
function keychainName(safeStorage: SafeStorageApi): string {
  if (process.platform !== 'linux') return 'the system keychain';
  const backend = safeStorage.getSelectedStorageBackend();
  return backend === 'basic_text' ? 'an obfuscated file (no system keyring was found)' : `the system keyring (${backend})`;
}

export function createSafeStorageSecrets(safeStorage: SafeStorageApi, userDataDir: string): Secrets {
  return createFileSecrets({
    path: join(userDataDir, APP_SECRETS_FILE),
    where: keychainName(safeStorage),
    seal: (value) => {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the system keychain is not available; the password was not stored');
      return safeStorage.encryptString(value).toString('base64');
    },
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  });
}
