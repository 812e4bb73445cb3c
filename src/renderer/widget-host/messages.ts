/**
 * The messages the host posts to the widget (`widget-protocol.md`, "Commands the host can send").
 */
import type { WidgetConfig } from '../../shared/api';

/** The four paths we register and answer. */
export const PATHS = {
  contacts: '/contacts',
  search: '/contacts/search',
  match: '/contacts/match',
  view: '/contacts/view',
} as const;

/** `rc-adapter-register-third-party-service`: no authorizationPath, so it counts as authorized at once. */
export function registerServiceMessage(config: WidgetConfig): Record<string, unknown> {
  const service: Record<string, unknown> = {
    name: config.serviceName,
    displayName: config.serviceDisplayName,
    contactsPath: PATHS.contacts,
    contactSearchPath: PATHS.search,
    contactMatchPath: PATHS.match,
    viewMatchedContactPath: PATHS.view,
    contactMatchTtl: config.contactMatchTtl,
    contactNoMatchTtl: config.contactNoMatchTtl,
  };
  if (config.contactIcon) service.contactIcon = config.contactIcon;
  return { type: 'rc-adapter-register-third-party-service', service };
}

export function responseMessage(responseId: string, response: unknown): Record<string, unknown> {
  return { type: 'rc-post-message-response', responseId, response };
}

export const syncContactsMessage = (): Record<string, unknown> => ({ type: 'rc-adapter-sync-third-party-contacts' });

export const triggerMatchMessage = (phoneNumbers: string[]): Record<string, unknown> => ({
  type: 'rc-adapter-trigger-contact-match',
  phoneNumbers,
});

export const newCallMessage = (phoneNumber: string): Record<string, unknown> => ({
  type: 'rc-adapter-new-call',
  phoneNumber,
  toCall: true,
});

export function newSmsMessage(phoneNumber: string, text?: string): Record<string, unknown> {
  return text ? { type: 'rc-adapter-new-sms', phoneNumber, text } : { type: 'rc-adapter-new-sms', phoneNumber };
}
