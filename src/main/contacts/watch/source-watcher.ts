/**
 * Follows source files: when one changes and then stays quiet for `debounceMs`, `onChange`
 * gets its path (the caller syncs through the usual sync path, so the damaged-file guard and
 * the missing-file rule apply). Plain Node, no Electron.
 *
 * - The folder is watched, not the file: editors that save by writing a temporary file and
 *   renaming it over the original replace the inode a file watcher would hold. One folder
 *   watcher serves every followed file in that folder; events for other names are ignored.
 * - Where `fs.watch` cannot watch (network and some FUSE drives, inotify limits, a folder that
 *   is gone) or fails later, the file is polled with `fs.watchFile` instead, which only needs
 *   `stat` and so works everywhere, slower.
 * - Deleting a file reports a change too (the sync then keeps its contacts and lists it as
 *   missing); recreating it reports again and the sync reads it.
 */
import { unwatchFile, watch as fsWatch, watchFile, type FSWatcher, type Stats } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface SourceWatcherOptions {
  onChange: (path: string) => void;
  debounceMs?: number;
  /** Polling interval where the folder cannot be watched. */
  pollMs?: number;
  log?: (message: string) => void;
  /** Forces polling (for tests of the fallback, and for drives known not to deliver events). */
  poll?: (path: string) => boolean;
}

export interface SourceWatcher {
  /** Follows exactly these files from now on (adds new ones, drops the others). */
  follow(paths: readonly string[]): void;
  /** How each followed file is watched. */
  modes(): Map<string, 'folder' | 'poll'>;
  close(): void;
}

interface Folder {
  watcher: FSWatcher;
  /** File name → the followed path, as it was given. */
  names: Map<string, string>;
}

export function createSourceWatcher({ onChange, debounceMs = 500, pollMs = 2000, log = () => undefined, poll = () => false }: SourceWatcherOptions): SourceWatcher {
  const folders = new Map<string, Folder>();
  const polled = new Set<string>();
  const followed = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();

  const changed = (path: string): void => {
    if (!followed.has(path)) return;
    const pending = timers.get(path);
    if (pending) clearTimeout(pending);
    timers.set(path, setTimeout(() => {
      timers.delete(path);
      if (followed.has(path)) onChange(path);
    }, debounceMs));
  };

  const onPoll = (path: string) => (current: Stats, previous: Stats): void => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) changed(path);
  };
  const startPolling = (path: string): void => {
    if (polled.has(path)) return;
    polled.add(path);
    watchFile(path, { interval: pollMs, persistent: false }, onPoll(path));
  };
  const stopPolling = (path: string): void => {
    if (!polled.delete(path)) return;
    unwatchFile(path);
  };

  const dropFolder = (dir: string, folder: Folder): void => {
    folders.delete(dir);
    try {
      folder.watcher.close();
    } catch {
      // Already closed by its error.
    }
  };

  const watchFolder = (path: string): boolean => {
    const dir = dirname(path);
    const existing = folders.get(dir);
    if (existing) {
      existing.names.set(basename(path), path);
      return true;
    }
    let watcher: FSWatcher;
    try {
      watcher = fsWatch(dir, { persistent: false }, (_event, filename) => {
        const folder = folders.get(dir);
        if (!folder) return;
        // No name (some platforms): any followed file of the folder may have changed.
        if (filename === null) folder.names.forEach((file) => changed(file));
        else {
          const file = folder.names.get(String(filename));
          if (file) changed(file);
        }
      });
    } catch (error) {
      log(`cannot watch ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}); polling its files`);
      return false;
    }
    const folder: Folder = { watcher, names: new Map([[basename(path), path]]) };
    folders.set(dir, folder);
    watcher.on('error', (error) => {
      // The folder went away, or the drive stopped delivering events: poll its files instead.
      log(`watching ${dir} failed (${(error as NodeJS.ErrnoException).code ?? String(error)}); polling its files`);
      dropFolder(dir, folder);
      folder.names.forEach((file) => startPolling(file));
    });
    return true;
  };

  const unfollow = (path: string): void => {
    followed.delete(path);
    const timer = timers.get(path);
    if (timer) clearTimeout(timer);
    timers.delete(path);
    stopPolling(path);
    const dir = dirname(path);
    const folder = folders.get(dir);
    if (!folder) return;
    folder.names.delete(basename(path));
    if (folder.names.size === 0) dropFolder(dir, folder);
  };

  return {
    follow(paths) {
      const wanted = new Set(paths);
      for (const path of [...followed]) if (!wanted.has(path)) unfollow(path);
      for (const path of wanted) {
        if (followed.has(path)) continue;
        followed.add(path);
        if (poll(path) || !watchFolder(path)) startPolling(path);
      }
    },
    modes: () => new Map([...followed].map((path) => [path, polled.has(path) ? 'poll' : 'folder'] as const)),
    close() {
      for (const path of [...followed]) unfollow(path);
    },
  };
}
