/**
 * The app's settings file (`settings.json` in the user-data folder), shared by the shell and
 * the CLI. Every field is validated; a bad field reads as its default and is named in the
 * problems (the app and the CLI report them). A file that is not JSON at all is kept as
 * `settings.json.bak` before defaults are used, so a user's hand edit is never lost silently.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { settingsPath } from '../config/paths';
import { DEFAULT_SETTINGS, SettingsPatchSchema, readSettings, type Settings, type SettingsPatch, type SettingsProblem } from './schema';

export { DEFAULT_SETTINGS, DEFAULT_WIDGET_URL, type Settings } from './schema';

export interface LoadedSettings {
  settings: Settings;
  problems: SettingsProblem[];
}

type Raw = { kind: 'missing' } | { kind: 'corrupt' } | { kind: 'ok'; data: Record<string, unknown> };

function readRaw(file: string): Raw {
  if (!existsSync(file)) return { kind: 'missing' };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    data = undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { kind: 'corrupt' };
  return { kind: 'ok', data: data as Record<string, unknown> };
}

/** Reads the settings and what was wrong with them; a corrupt file is backed up first. */
export function loadSettingsWithProblems(dir: string): LoadedSettings {
  const file = settingsPath(dir);
  const raw = readRaw(file);
  if (raw.kind === 'missing') return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  if (raw.kind === 'corrupt') {
    copyFileSync(file, `${file}.bak`);
    return { settings: { ...DEFAULT_SETTINGS }, problems: [{ key: '(file)', message: 'not a JSON object; kept as settings.json.bak, using the defaults' }] };
  }
  return readSettings(raw.data);
}

/** Reads the settings; a missing file gives defaults, a corrupt one is backed up first. */
export function loadSettings(dir: string): Settings {
  return loadSettingsWithProblems(dir).settings;
}

function writeAtomically(dir: string, data: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  const file = settingsPath(dir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Writes settings.json with the defaults when there is none, so users find every key. */
export function ensureSettingsFile(dir: string): boolean {
  if (existsSync(settingsPath(dir))) return false;
  writeAtomically(dir, { ...DEFAULT_SETTINGS });
  return true;
}

/**
 * Merges `patch` into the stored settings and writes them atomically (temp file + rename).
 * Keys the file holds that this version does not know are kept as they are.
 * @throws ZodError when the patch holds an unknown field or a bad value.
 */
export function saveSettings(dir: string, patch: SettingsPatch): Settings {
  const checked = SettingsPatchSchema.parse(patch);
  const file = settingsPath(dir);
  const raw = readRaw(file);
  if (raw.kind === 'corrupt') copyFileSync(file, `${file}.bak`);
  const stored = raw.kind === 'ok' ? raw.data : {};
  const next = { ...DEFAULT_SETTINGS, ...stored, ...checked };
  writeAtomically(dir, next);
  return readSettings(next).settings;
}
