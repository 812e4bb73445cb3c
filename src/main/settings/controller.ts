/**
 * The running app's settings: read once at start (settings.json is created with defaults when
 * there is none), re-read when the file changes (settings-watch.ts), changed by the settings
 * window. Every change that takes effect goes to `onApply` with the settings before it, so the
 * shell reloads the widget only when a widget setting changed. A hand-edited bad value is
 * reported once per key and value, naming the key, rather than silently ignored.
 */
import { fail, ok, type Result } from '../../shared/result';
import { ensureSettingsFile, loadSettingsWithProblems, saveSettings } from './file';
import { SETTINGS_KEYS, SettingsPatchSchema, type Settings, type SettingsProblem } from './schema';

export interface SettingsControllerDeps {
  dir: string;
  onApply: (after: Settings, before: Settings) => void;
  /** One line per newly found problem in settings.json. */
  report: (message: string) => void;
}

export interface SettingsController {
  current(): Settings;
  /** The problems settings.json has now (shown next to the fields in the settings window). */
  problems(): SettingsProblem[];
  /** Re-reads settings.json (it changed on disk). */
  reload(): void;
  /** Validates and saves a change; the new settings apply at once. */
  save(patch: unknown): Result<Settings>;
}

export const sameSettings = (a: Settings, b: Settings): boolean => SETTINGS_KEYS.every((key) => a[key] === b[key]);

export function describeProblem(problem: SettingsProblem): string {
  return `settings.json: "${problem.key}" ${problem.message}; using the default`;
}

export function createSettingsController({ dir, onApply, report }: SettingsControllerDeps): SettingsController {
  ensureSettingsFile(dir);
  let reported = new Set<string>();
  let problems: SettingsProblem[] = [];
  const read = (): Settings => {
    const loaded = loadSettingsWithProblems(dir);
    problems = loaded.problems;
    const now = new Set<string>();
    for (const problem of problems) {
      const id = `${problem.key}\u0000${problem.message}`;
      now.add(id);
      if (!reported.has(id)) report(describeProblem(problem));
    }
    // A key fixed and broken again is reported again.
    reported = now;
    return loaded.settings;
  };
  let settings = read();
  const apply = (next: Settings): void => {
    const before = settings;
    settings = next;
    if (!sameSettings(before, next)) onApply(next, before);
  };
  return {
    current: () => settings,
    problems: () => problems,
    reload: () => apply(read()),
    save(patch) {
      const parsed = SettingsPatchSchema.safeParse(patch);
      if (!parsed.success) return fail('bad-request', parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`).join('; '));
      saveSettings(dir, parsed.data);
      apply(read());
      return ok(settings);
    },
  };
}
