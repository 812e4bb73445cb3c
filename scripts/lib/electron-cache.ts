import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Can electron-builder get Electron without the network? It unpacks
 * `electron-v<version>-<platform>-<arch>.zip`, which @electron/get keeps in its cache
 * (ELECTRON_CACHE, electron_config_cache, or the per-OS default) under a hashed folder.
 */

export interface CacheLookup {
  version: string;
  platform: string;
  arch: string;
  env?: Record<string, string | undefined>;
  home?: string;
  hostPlatform?: string;
}

/** The folders @electron/get and electron-builder may have cached downloads in, existing or not. */
export function electronCacheDirs(lookup: Pick<CacheLookup, 'env' | 'home' | 'hostPlatform'>): string[] {
  const env = lookup.env ?? process.env;
  const home = lookup.home ?? homedir();
  const platform = lookup.hostPlatform ?? process.platform;
  const defaults =
    platform === 'darwin'
      ? [join(home, 'Library', 'Caches', 'electron'), join(home, 'Library', 'Caches', 'electron-builder')]
      : platform === 'win32'
        ? [join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron', 'Cache'), join(env.LOCALAPPDATA ?? '', 'electron-builder', 'Cache')]
        : [join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron'), join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron-builder')];
  return [env.ELECTRON_CACHE, env.electron_config_cache, env.ELECTRON_BUILDER_CACHE, ...defaults].filter(
    (dir): dir is string => Boolean(dir),
  );
}

function findFile(dir: string, name: string, depth: number): string | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory() && depth > 0) {
      const found = findFile(path, name, depth - 1);
      if (found) return found;
    }
  }
  return null;
}

/** The cached Electron zip for this version/platform/arch, or null. */
export function findCachedElectronZip(lookup: CacheLookup): string | null {
  const name = `electron-v${lookup.version}-${lookup.platform}-${lookup.arch}.zip`;
  for (const dir of electronCacheDirs(lookup)) {
    const found = findFile(dir, name, 2);
    if (found) return found;
  }
  return null;
}
