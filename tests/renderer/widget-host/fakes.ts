/** Fakes for the widget host: a window, an iframe whose contentWindow records posts, and the bridge. */
import { vi } from 'vitest';
import type { SoftphoneApi, WidgetCommand, WidgetConfig } from '../../../src/shared/api';
import type { IncomingMessage } from '../../../src/renderer/widget-host/types';
import { ok } from '../../../src/shared/result';

export const WIDGET_ORIGIN = 'https://apps.ringcentral.com';

export const config: WidgetConfig = {
  widgetUrl: `${WIDGET_ORIGIN}/integration/ringcentral-embeddable/latest/app.html`,
  widgetOrigin: WIDGET_ORIGIN,
  serviceName: 'AddressBook',
  serviceDisplayName: 'Address Book',
  contactIcon: 'data:image/svg+xml;base64,AA==',
  contactMatchTtl: 7_200_000,
  contactNoMatchTtl: 300_000,
};

export function fakeDom() {
  const listeners: Array<(e: IncomingMessage) => void> = [];
  const loadListeners: Array<() => void> = [];
  const posts: Array<{ message: Record<string, unknown>; targetOrigin: string }> = [];
  const receivers: Array<(message: Record<string, unknown>) => void> = [];
  const contentWindow = {
    postMessage: vi.fn((message: Record<string, unknown>, targetOrigin: string) => {
      posts.push({ message, targetOrigin });
      receivers.forEach((receive) => receive(message));
    }),
  };
  const window = {
    addEventListener: vi.fn((_t: 'message', l: (e: IncomingMessage) => void) => listeners.push(l)),
    removeEventListener: vi.fn(),
    location: { reload: vi.fn() },
  };
  const frame = {
    src: '',
    contentWindow,
    addEventListener: vi.fn((_t: 'load', l: () => void) => loadListeners.push(l)),
    removeEventListener: vi.fn(),
  };
  return {
    window,
    frame,
    posts,
    /** The widget posts `data` to its parent (source and origin as given). */
    fromWidget: (data: unknown, origin = WIDGET_ORIGIN, source: unknown = contentWindow) =>
      listeners.forEach((l) => l({ data, origin, source })),
    load: () => loadListeners.forEach((l) => l()),
    /** Whatever the host posts into the iframe also goes to `receive` (a fake widget). */
    onPost: (receive: (message: Record<string, unknown>) => void) => receivers.push(receive),
    types: () => posts.map((p) => p.message.type),
  };
}

export function fakeApi() {
  let commandListener: ((c: WidgetCommand) => void) | null = null;
  const api = {
    contacts: {
      list: vi.fn(async () => ok({ data: [], nextPage: null as string | null, syncTimestamp: 'r1' })),
      search: vi.fn(async () => ok({ data: [] })),
      match: vi.fn(async () => ok({ data: {} })),
      view: vi.fn(async () => ok('ok' as const)),
    },
    widget: {
      config: vi.fn(async () => ok(config)),
      report: vi.fn(),
      onCommand: vi.fn((listener: (c: WidgetCommand) => void) => {
        commandListener = listener;
        return () => (commandListener = null);
      }),
    },
    contactWindow: { details: vi.fn(), dial: vi.fn(), email: vi.fn() },
  };
  return { api: api as typeof api & SoftphoneApi, command: (c: WidgetCommand) => commandListener?.(c) };
}
