/**
 * Permission policy. Electron grants every permission request unless a handler says otherwise,
 * so both the request handler (prompts) and the check handler (synchronous queries such as
 * `navigator.permissions`) are set: the microphone (`media`, audio only) and notifications for
 * the exact widget origin, nothing for anyone else.
 */
import type { Session } from 'electron';
import { isWidgetOrigin, originOf } from './urls';

export interface PermissionQuery {
  permission: string;
  /** The requesting frame's URL or origin, as Electron reports it. */
  requestingUrl: string | undefined;
  /** For `media`: which media types are asked for. */
  mediaTypes?: readonly string[];
}

/** The pure decision: true only for audio media and notifications from the widget origin. */
export function isPermissionAllowed(query: PermissionQuery, widgetOrigin: string): boolean {
  const origin = originOf(query.requestingUrl);
  if (origin === null || !isWidgetOrigin(origin, widgetOrigin)) return false;
  if (query.permission === 'notifications') return true;
  if (query.permission === 'media') {
    const types = query.mediaTypes ?? [];
    // A check query carries no media types; a request for video (camera) is refused.
    return types.every((t) => t === 'audio');
  }
  return false;
}

export interface PermissionDeps {
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  /** Read on every query, so a changed widget setting takes effect without a restart. */
  widgetOrigin: () => string;
  log: (message: string) => void;
}

/** Installs the request and check handlers on `session`. */
export function installPermissionHandlers({ session, widgetOrigin, log }: PermissionDeps): void {
  // Clearing first means grants from an earlier handler are not remembered (Signal does this).
  session.setPermissionRequestHandler(null);
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const query: PermissionQuery = {
      permission,
      requestingUrl: details.requestingUrl,
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
    };
    const allowed = isPermissionAllowed(query, widgetOrigin());
    if (!allowed) log(`permission denied: ${permission} for ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const requestingUrl = details.requestingUrl ?? requestingOrigin;
    const mediaTypes = details.mediaType ? [details.mediaType] : undefined;
    const allowed = isPermissionAllowed({ permission, requestingUrl, mediaTypes }, widgetOrigin());
    if (!allowed) log(`permission check denied: ${permission} for ${requestingUrl}`);
    return allowed;
  });
}
