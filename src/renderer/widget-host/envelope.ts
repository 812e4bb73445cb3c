/**
 * Checks of what the widget posts. Hand-written rather than zod: the envelopes are three flat
 * shapes, and keeping zod out of the renderer bundle keeps the page small; main re-validates
 * everything that crosses IPC with zod anyway.
 */
import type { WidgetEvent } from '../../shared/api';

export interface WidgetRequest {
  requestId: string;
  /** Undefined when the widget asks for a path we have not registered yet (after a reload). */
  path: string | undefined;
  body: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shortString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

/** An `rc-post-message-request` envelope, or null when `data` is not one. */
export function parseWidgetRequest(data: unknown): WidgetRequest | null {
  if (!isRecord(data) || data.type !== 'rc-post-message-request') return null;
  if (!shortString(data.requestId, 200)) return null;
  if (data.path !== undefined && !shortString(data.path, 200)) return null;
  return { requestId: data.requestId, path: data.path, body: data.body };
}

/** Widget notifications the shell forwards to main, turned into `WidgetEvent`s. */
export function parseWidgetNotification(data: unknown): WidgetEvent | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'rc-login-status-notify':
      return { kind: 'login-status', loggedIn: data.loggedIn === true };
    case 'rc-dialer-status-notify':
      return { kind: 'dialer-status', ready: data.ready === true };
    case 'rc-region-settings-notify':
      return typeof data.countryCode === 'string' && /^[A-Z]{2}$/.test(data.countryCode)
        ? { kind: 'region', countryCode: data.countryCode }
        : null;
    case 'rc-call-ring-notify':
      return parseCallRing(data.call);
    default:
      return null;
  }
}

function parseCallRing(call: unknown): WidgetEvent | null {
  if (!isRecord(call) || !shortString(call.from, 64)) return null;
  const event: WidgetEvent = { kind: 'call-ring', from: call.from };
  if (shortString(call.fromUserName, 256)) event.fromUserName = call.fromUserName;
  const match = call.contactMatch;
  if (isRecord(match) && shortString(match.name, 256)) event.contactName = match.name;
  return event;
}
