/**
 * The widget host: loads the widget into the iframe, registers our contacts service once per
 * load, answers the widget's requests, forwards its events to main and turns main's commands
 * into widget messages. DOM and bridge are passed in, so tests drive it with fakes.
 *
 * Trust: a message is read only when `event.source` is the iframe's window AND `event.origin`
 * is the widget origin (the widget itself checks neither), and everything we post names the
 * widget origin as target, never `'*'`.
 */
import type { SoftphoneApi, WidgetCommand, WidgetConfig } from '../../shared/api';
import { createContactsFetch } from './contacts-fetch';
import { parseWidgetNotification, parseWidgetRequest, type WidgetRequest } from './envelope';
import {
  PATHS,
  newCallMessage,
  newSmsMessage,
  registerServiceMessage,
  responseMessage,
  syncContactsMessage,
  triggerMatchMessage,
} from './messages';
import { createRegistration } from './registration';
import { hasNextPage, routeRequest } from './router';
import type { HostWindow, IncomingMessage, StatusSink, WidgetFrame } from './types';

export interface WidgetHostDeps {
  window: HostWindow;
  frame: WidgetFrame;
  api: SoftphoneApi;
  config: WidgetConfig;
  status?: StatusSink;
  now?: () => number;
  log?: (message: string) => void;
}

export interface WidgetHost {
  /** Listens, subscribes to main's commands and loads the widget. */
  start(): void;
  stop(): void;
  /** Exposed for tests; main's commands arrive here through `onCommand`. */
  command(command: WidgetCommand): void;
  /** Resolves when every request received so far has been answered (tests). */
  idle(): Promise<void>;
}

export function createWidgetHost(deps: WidgetHostDeps): WidgetHost {
  const { window, frame, api } = deps;
  const log = deps.log ?? (() => undefined);
  let config = deps.config;
  let unsubscribe: (() => void) | null = null;
  const inFlight = new Set<Promise<void>>();

  const post = (message: Record<string, unknown>): void => {
    const target = frame.contentWindow;
    if (!target) return log(`widget not loaded; dropped ${String(message.type)}`);
    target.postMessage(message, config.widgetOrigin);
  };
  const contactsFetch = createContactsFetch({ sendSync: () => post(syncContactsMessage()), now: deps.now ?? Date.now });
  const registration = createRegistration({
    register: () => post(registerServiceMessage(config)),
    // The old document's fetch is gone with it (a reset at `load` would forget a fetch the
    // new document began before its load).
    newDocument: () => contactsFetch.reset(),
  });

  const answer = async (request: WidgetRequest): Promise<void> => {
    const isList = request.path === PATHS.contacts;
    if (isList) {
      registration.contactsRequested();
      contactsFetch.requested(request.requestId);
    }
    const response = await routeRequest(request, { contacts: api.contacts, log });
    post(responseMessage(request.requestId, response));
    if (isList) contactsFetch.answered(request.requestId, hasNextPage(response));
  };

  const onMessage = (event: IncomingMessage): void => {
    if (event.source === null || event.source !== frame.contentWindow) return;
    if (event.origin !== config.widgetOrigin) return;
    const request = parseWidgetRequest(event.data);
    if (request) {
      const job = answer(request).finally(() => inFlight.delete(job));
      inFlight.add(job);
      return;
    }
    const notification = parseWidgetNotification(event.data);
    if (!notification) return;
    if (notification.kind === 'login-status') registration.loginStatus(notification.loggedIn);
    api.widget.report(notification);
  };

  const onLoad = (): void => {
    registration.frameLoaded();
    api.widget.report({ kind: 'widget-loaded' });
  };

  const reload = async (): Promise<void> => {
    const next = await api.widget.config();
    if (!next.ok) return log(`widget config unavailable: ${next.error.message}`);
    // The page's CSP names the old origin in frame-src: a new origin needs a new page.
    if (next.value.widgetOrigin !== config.widgetOrigin) return window.location.reload();
    config = next.value;
    registration.navigating();
    frame.src = config.widgetUrl;
  };

  const command = (cmd: WidgetCommand): void => {
    switch (cmd.kind) {
      case 'sync-contacts':
        contactsFetch.sync();
        if (cmd.changedNumbers.length > 0) post(triggerMatchMessage(cmd.changedNumbers));
        return;
      case 'new-call':
        return post(newCallMessage(cmd.phoneNumber));
      case 'new-sms':
        return post(newSmsMessage(cmd.phoneNumber, cmd.text));
      case 'reload-widget':
        void reload();
        return;
      case 'status':
        deps.status?.show(cmd.text);
        return;
    }
  };

  return {
    start() {
      window.addEventListener('message', onMessage);
      frame.addEventListener('load', onLoad);
      unsubscribe = api.widget.onCommand(command);
      registration.navigating();
      frame.src = config.widgetUrl;
    },
    stop() {
      window.removeEventListener('message', onMessage);
      frame.removeEventListener('load', onLoad);
      unsubscribe?.();
      unsubscribe = null;
    },
    command,
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
