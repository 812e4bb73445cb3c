/**
 * Watches the settings file so a change made while the app runs (by hand, or by the CLI)
 * applies at once: widget changes reload the widget, and so register the service again.
 * The folder is watched rather than the file because settings are saved by rename, which
 * replaces the file a file watcher would be holding.
 */
import type { FSWatcher } from 'node:fs';
import { SETTINGS_FILE } from '../config/paths';

export interface SettingsWatchDeps {
  dir: string;
  watch: (dir: string, listener: (event: string, filename: string | null) => void) => FSWatcher;
  onChange: () => void;
  /** Collapses the burst of events one save makes. */
  debounceMs?: number;
}

export function watchSettings({ dir, watch, onChange, debounceMs = 250 }: SettingsWatchDeps): () => void {
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(dir, (_event, filename) => {
    if (filename !== null && filename !== SETTINGS_FILE) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    watcher.close();
  };
}
