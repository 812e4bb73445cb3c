/**
 * What settings.json may hold, as zod schemas: pure (no Node, no Electron), so main, the CLI
 * and the settings window (which validates as the user types) check values the same way.
 */
import { z } from 'zod';
import { isAcceptableWidgetOrigin } from '../security/urls';

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
  /**
   * Send http(s) photo URLs from imported files to the widget, which fetches each one itself
   * (so the photo's host learns when the list is shown). Off by default: embedded photos only.
   */
  showRemotePhotos: z.boolean(),
};

/** What a settings file may hold; each bad or missing field reads as its default. */
export const SettingsSchema = z.object({
  widgetUrl: fields.widgetUrl.catch(DEFAULT_WIDGET_URL),
  clientId: fields.clientId.catch(''),
  appServer: fields.appServer.catch(''),
  region: fields.region.catch(''),
  serviceName: fields.serviceName.catch('AddressBook'),
  serviceDisplayName: fields.serviceDisplayName.catch('Address Book'),
  showRemotePhotos: fields.showRemotePhotos.catch(false),
});

/** A change to the settings: checked strictly, so a bad value is refused, not defaulted. */
export const SettingsPatchSchema = z.strictObject(fields).partial();
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings when nothing has been configured. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

