/**
 * The app's settings file (`settings.json` in the user-data folder), shared by the shell and
 * the CLI. Every field is validated; a bad field falls back to its default. A file that is
 * not JSON at all is kept as `settings.json.bak` before defaults are used, so a user's hand
 * edit is never lost silently.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { isAcceptableWidgetOrigin } from '../security/urls';
import { settingsPath } from './paths';

export const DEFAULT_WIDGET_URL = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

const httpsUrl = z.url({ protocol: /^https$/ });

/** https anywhere, or http on this machine only: the offline widget simulator (`npm run simulator`). */
const widgetUrl = z.url({ protocol: /^https?$/ }).refine((url) => isAcceptableWidgetOrigin(new URL(url).origin), {
  message: 'the widget URL must be https, or http on 127.0.0.1 / localhost',
});

const fields = {
  widgetUrl,
  clientId: z.string().max(200),
  appServer: z.union([z.literal(''), httpsUrl]),
  /** Empty: follow the widget's region (the CLI then uses US). Else an ISO 3166 code. */
  region: z.string().regex(/^([A-Z]{2})?$/),
  serviceName: z.string().min(1).max(100),
  serviceDisplayName: z.string().min(1).max(100),
};

/** What a settings file may hold; each bad or missing field reads as its default. */
export const SettingsSchema = z.object({
  widgetUrl: fields.widgetUrl.catch(DEFAULT_WIDGET_URL),
  clientId: fields.clientId.catch(''),
  appServer: fields.appServer.catch(''),
  region: fields.region.catch(''),
  serviceName: fields.serviceName.catch('AddressBook'),
  serviceDisplayName: fields.serviceDisplayName.catch('Address Book'),
});

/** A change to the settings: checked strictly, so a bad value is refused, not defaulted. */
export const SettingsPatchSchema = z.strictObject(fields).partial();
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings when nothing has been configured. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

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
