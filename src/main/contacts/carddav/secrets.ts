/**
 * Where account passwords are kept: injected by the shell (Electron's safeStorage, see
 * src/main/secrets/) or the CLI (a 0600 file). The core never writes a password anywhere
 * else: not in the database, not in settings.json, not in a log or an error message.
 */
export interface Secrets {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Where the secrets are, for messages ("the system keychain", "~/.config/…/cli-secrets.json"). */
  readonly where: string;
}

/** The key of an account's password: per database, so two address books never share one. */
export const passwordKey = (databaseId: string, accountId: number): string => `carddav:${databaseId}:${accountId}`;

/** Secrets held in memory only (tests; the import worker, given its passwords by main). */
export function memorySecrets(where = 'memory', initial: Record<string, string> = {}): Secrets {
  const map = new Map<string, string>(Object.entries(initial));
  return {
    where,
    get: async (key) => map.get(key) ?? null,
    set: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
  };
}
