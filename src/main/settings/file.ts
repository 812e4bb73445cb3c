/**
 * The app's settings file (`settings.json` in the user-data folder), shared by the shell and
 * the CLI. Every field is validated; a bad field falls back to its default. A file that is
 * not JSON at all is kept as `settings.json.bak` before defaults are used, so a user's hand
 * edit is never lost silently.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { settingsPath } from '../config/paths';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings } from './schema';

export { DEFAULT_SETTINGS, DEFAULT_WIDGET_URL, type Settings } from './schema';

/** Reads the settings; a missing file gives defaults, a corrupt one is backed up first. */
export function loadSettings(dir: string): Settings {
  const file = settingsPath(dir);
  if (!existsSync(file)) return { ...DEFAULT_SETTINGS };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    data = undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    copyFileSync(file, `${file}.bak`);
    return { ...DEFAULT_SETTINGS };
  }
  return SettingsSchema.parse(data);
}

/**
 * Merges `patch` into the stored settings and writes them atomically (temp file + rename).
 * @throws ZodError when the patch holds an unknown field or a bad value.
 */
export function saveSettings(dir: string, patch: Partial<Settings>): Settings {
  const next = SettingsSchema.parse({ ...loadSettings(dir), ...SettingsPatchSchema.parse(patch) });
  mkdirSync(dir, { recursive: true });
  const file = settingsPath(dir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return next;
}
