/**
 * What settings.json may hold, as zod schemas: pure (no Node, no Electron), so main, the CLI
 * and the settings window (which validates as the user types) check values the same way.
 */
import { z } from 'zod';
import { isAcceptableWidgetOrigin, originOf } from '../security/urls';

export const DEFAULT_WIDGET_URL = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

/** https anywhere, or http on this machine only: the offline widget simulator (`npm run simulator`). */
const widgetUrl = z.string().refine((url) => {
  const origin = originOf(url);
  return origin !== null && isAcceptableWidgetOrigin(origin);
}, 'must be an https URL (http only on 127.0.0.1 / localhost)');

/** What closing the main window does (the tray choice only where a tray icon exists). */
export const CLOSE_ACTIONS = ['tray', 'minimize', 'quit'] as const;
export type CloseAction = (typeof CLOSE_ACTIONS)[number];

/**
 * The close action when none is set. Linux desktops without a StatusNotifier host (stock
 * GNOME) show no tray icon and Electron reports no error, so hiding there could leave no way
 * back to the window: minimize. Windows and macOS always show the tray: hide to it.
 */
export function defaultCloseAction(platform: string): CloseAction {
  return platform === 'linux' ? 'minimize' : 'tray';
}

const fields = {
  widgetUrl,
  clientId: z.string().max(200),
  appServer: z.string().refine((url) => url === '' || originOf(url)?.startsWith('https://') === true, 'must be empty or an https URL'),
  /** Empty: follow the widget's region. Else an ISO 3166 code. */
  region: z.string().regex(/^([A-Z]{2})?$/, 'must be a two-letter country code, or empty for the widget\'s region'),
  serviceName: z.string().trim().min(1, 'a name is needed').max(100),
  serviceDisplayName: z.string().trim().min(1, 'a name is needed').max(100),
  /** Remote (http/https) photo URLs from imported files reach the widget, which fetches them. */
  showRemotePhotos: z.boolean(),
  closeAction: z.enum(CLOSE_ACTIONS),
  /** An incoming call opens the caller's contact window. */
  callPop: z.boolean(),
  /** Minutes between automatic syncs of the CardDAV address books (and files); 0: only on demand. */
  carddavSyncMinutes: z.number().int('must be a whole number of minutes').min(0, 'must be 0 (off) or more').max(1440, 'at most 1440 (a day)'),
};
export type SettingsKey = keyof typeof fields;
export const SETTINGS_KEYS = Object.keys(fields) as SettingsKey[];

/** The value each key reads as when unset or unusable. */
const DEFAULTS = {
  widgetUrl: DEFAULT_WIDGET_URL,
  clientId: '',
  appServer: '',
  region: '',
  serviceName: 'Address Book',
  serviceDisplayName: 'Address Book',
  showRemotePhotos: false,
  // The platform main and the CLI run on; pages (no `process`) never write defaults.
  closeAction: defaultCloseAction((globalThis as { process?: { platform?: string } }).process?.platform ?? ''),
  callPop: false,
  carddavSyncMinutes: 15,
} as const satisfies { [K in SettingsKey]: z.infer<(typeof fields)[K]> };

/** A change to the settings: checked strictly, so a bad value is refused, not defaulted. */
export const SettingsPatchSchema = z.strictObject(fields).partial();
export type Settings = { -readonly [K in SettingsKey]: z.infer<(typeof fields)[K]> };
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The settings when nothing has been configured. */
export const DEFAULT_SETTINGS: Settings = { ...DEFAULTS };

/** A key whose stored or typed value is unusable, and why, in words for the user. */
export interface SettingsProblem {
  key: string;
  message: string;
}

/** Checks one value; null when it is fine. */
export function checkSetting(key: SettingsKey, value: unknown): string | null {
  const parsed = fields[key].safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a valid value');
}

/**
 * Reads settings from parsed JSON: each missing key reads as its default, each bad one too but
 * named in `problems` (so a hand edit gone wrong is reported, not silently ignored).
 */
export function readSettings(data: Record<string, unknown>): { settings: Settings; problems: SettingsProblem[] } {
  const settings: Settings = { ...DEFAULTS };
  const problems: SettingsProblem[] = [];
  const assign = <K extends SettingsKey>(key: K, value: Settings[K]): void => {
    settings[key] = value;
  };
  for (const key of SETTINGS_KEYS) {
    if (data[key] === undefined) continue;
    const parsed = fields[key].safeParse(data[key]);
    if (parsed.success) assign(key, parsed.data as Settings[typeof key]);
    else problems.push({ key, message: parsed.error.issues[0]?.message ?? 'not a valid value' });
  }
  return { settings, problems };
}

/** Checks a whole form (the settings window's draft): the problems by key, empty when all is well. */
export function checkDraft(draft: Partial<Record<SettingsKey, unknown>>): Partial<Record<SettingsKey, string>> {
  const problems: Partial<Record<SettingsKey, string>> = {};
  for (const key of SETTINGS_KEYS) {
    if (!(key in draft)) continue;
    const message = checkSetting(key, draft[key]);
    if (message) problems[key] = message;
  }
  return problems;
}
