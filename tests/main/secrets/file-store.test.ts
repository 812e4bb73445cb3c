import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliSecrets } from '../../../src/main/secrets/cli-secrets';
import { createSafeStorageSecrets } from '../../../src/main/secrets/safe-storage';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('secrets files', () => {
  it('keeps CLI passwords in a 0600 file and refuses one that others can read', async () => {
    const path = join(tempDir(), 'nested', 'cli-secrets.json');
    const secrets = createCliSecrets(path);
    await secrets.set('carddav:db:1', 'pä55 word');
    expect(await secrets.get('carddav:db:1')).toBe('pä55 word');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o644);
    await expect(secrets.get('carddav:db:1')).rejects.toThrow(/can be read by other users; run chmod 600/);
    chmodSync(path, 0o600);
    await secrets.delete('carddav:db:1');
    expect(await secrets.get('carddav:db:1')).toBeNull();
  });

  it('stores only what safeStorage sealed, and refuses when no keychain can encrypt', async () => {
    const dir = tempDir();
    let available = true;
    const safeStorage = {
      isEncryptionAvailable: () => available,
      encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
      decryptString: (data: Buffer) => Buffer.from(data.toString().replace('sealed:', ''), 'hex').toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret' as const,
    };
    const secrets = createSafeStorageSecrets(safeStorage, dir);
    await secrets.set('k', 'hunter2');
    expect(readFileSync(join(dir, 'carddav-secrets.json'), 'utf8')).not.toContain('hunter2');
    expect(await secrets.get('k')).toBe('hunter2');
    available = false;
    await expect(secrets.set('k2', 'x')).rejects.toThrow(/keychain is not available/);
  });
});
