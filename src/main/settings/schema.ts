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
  /** What closing the main window does: hide to the tray, minimize, or quit the app. */
  closeAction: z.enum(['tray', 'minimize', 'quit']),
};

export type CloseAction = z.infer<typeof fields.closeAction>;

/**
 * The close action when none is set. Linux desktops without a StatusNotifier host (stock
 * GNOME) show no tray icon and Electron reports no error, so hiding there could leave no way
 * back to the window: minimize. Windows and macOS always show the tray: hide to it.
 */
export function defaultCloseAction(platform: string): CloseAction {
  return platform === 'linux' ? 'minimize' : 'tray';
}

/** What a settings file may hold; each bad or missing field reads as its default. */
export const SettingsSchema = z.object({
  widgetUrl: fields.widgetUrl.catch(DEFAULT_WIDGET_URL),
  clientId: fields.clientId.catch(''),
  appServer: fields.appServer.catch(''),
  region: fields.region.catch(''),
  serviceName: fields.serviceName.catch('AddressBook'),
  serviceDisplayName: fields.serviceDisplayName.catch('Address Book'),
  /** Unset (or bad): defaultCloseAction() for the platform the app runs on. */
  closeAction: fields.closeAction.optional().catch(undefined),
});

/** A change to the settings: checked strictly, so a bad value is refused, not defaulted. */
export const SettingsPatchSchema = z.strictObject(fields).partial();
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings when nothing has been configured. */
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

