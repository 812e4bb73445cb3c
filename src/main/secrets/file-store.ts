/**
 * Secrets in one JSON file, written atomically with mode 0600 in a 0700 folder. Each value
 * goes through `seal` / `open` on its way to and from the file: Electron's safeStorage in the
 * app (safe-storage.ts), nothing for the command line (cli-secrets.ts), which has no keychain
 * of its own. A file that others can read is refused, as ssh refuses a private key.
 * No electron import: the CLI uses this too.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Secrets } from '../contacts/carddav/secrets';

export interface FileStoreOptions {
  path: string;
  where: string;
  seal: (value: string) => string;
  open: (sealed: string) => string;
}

interface SecretsFile {
  version: 1;
  secrets: Record<string, string>;
}

export function createFileSecrets(options: FileStoreOptions): Secrets {
  const read = (): SecretsFile => {
    if (!existsSync(options.path)) return { version: 1, secrets: {} };
    if (process.platform !== 'win32' && (statSync(options.path).mode & 0o077) !== 0) {
      throw new Error(`${options.path} can be read by other users; run chmod 600 on it (or delete it and add the account again)`);
    }
    const data = JSON.parse(readFileSync(options.path, 'utf8')) as Partial<SecretsFile>;
    return { version: 1, secrets: data && typeof data.secrets === 'object' && data.secrets ? data.secrets : {} };
  };
  const write = (file: SecretsFile): void => {
    mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });
    const temp = `${options.path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600); // the umask may have narrowed it, never widened: make it exact
    renameSync(temp, options.path);
  };
  return {
    where: options.where,
    async get(key) {
      const sealed = read().secrets[key];
      return sealed === undefined ? null : options.open(sealed);
    },
    async set(key, value) {
      const file = read();
      file.secrets[key] = options.seal(value);
      write(file);
    },
    async delete(key) {
      const file = read();
      if (!(key in file.secrets)) return;
      delete file.secrets[key];
      write(file);
    },
  };
}
