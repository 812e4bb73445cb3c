/**
 * The widget's configuration, derived from the user's settings: the iframe URL (Embeddable's
 * `latest/app.html` unless set, with `clientId` and `appServer` appended when configured), its
 * origin, and the registration fields. Also which setting changes require a widget reload.
 */
import type { WidgetConfig } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import { DEFAULT_SETTINGS, DEFAULT_WIDGET_URL } from './schema';
import { isAcceptableWidgetOrigin, originOf } from '../security/urls';

/** The settings fields the widget depends on (the settings file may hold more). */
export interface WidgetSettings {
  widgetUrl?: string | null;
  clientId?: string | null;
  appServer?: string | null;
  serviceName?: string | null;
  serviceDisplayName?: string | null;
}

/** A contacts icon the widget can load from inside its own origin: an inline SVG. */
const CONTACT_ICON =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="12" fill="#0a66c2"/>' +
      '<circle cx="12" cy="9.5" r="3.5" fill="#fff"/><path d="M5.5 18.5c1.2-3 3.7-4.5 6.5-4.5s5.3 1.5 6.5 4.5" fill="#fff"/></svg>',
  ).toString('base64');

/** Builds the widget configuration, or says which setting is unusable. */
export function buildWidgetConfig(settings: WidgetSettings): Result<WidgetConfig> {
  let url: URL;
  try {
    url = new URL(settings.widgetUrl || DEFAULT_WIDGET_URL);
  } catch {
    return fail('bad-request', `the widget URL setting is not a URL: ${settings.widgetUrl}`);
  }
  if (url.username || url.password || !isAcceptableWidgetOrigin(url.origin)) {
    return fail('bad-request', `the widget URL must be https (or http on this computer): ${url.href}`);
  }
  if (settings.clientId) url.searchParams.set('clientId', settings.clientId);
  if (settings.appServer) {
    if (!originOf(settings.appServer)?.startsWith('https://')) return fail('bad-request', `the app server must be an https URL: ${settings.appServer}`);
    url.searchParams.set('appServer', settings.appServer);
  }
  const serviceName = settings.serviceName?.trim() || DEFAULT_SETTINGS.serviceName;
  return ok({
    widgetUrl: url.href,
    widgetOrigin: url.origin,
    serviceName,
    serviceDisplayName: settings.serviceDisplayName?.trim() || DEFAULT_SETTINGS.serviceDisplayName,
    contactIcon: CONTACT_ICON,
    contactMatchTtl: 2 * 60 * 60 * 1000,
    contactNoMatchTtl: 5 * 60 * 1000,
  });
}

/** The extra sign-in origin a configured app server brings (a sandbox platform's login). */
export function signInOriginsFor(settings: WidgetSettings): string[] {
  const origin = settings.appServer ? originOf(settings.appServer) : null;
  return origin ? [origin] : [];
}

/** True when a settings change must reload the widget (and so register again). */
export function widgetSettingsChanged(before: WidgetSettings, after: WidgetSettings): boolean {
  const keys: Array<keyof WidgetSettings> = ['widgetUrl', 'clientId', 'appServer', 'serviceName', 'serviceDisplayName'];
  return keys.some((key) => (before[key] || null) !== (after[key] || null));
}
