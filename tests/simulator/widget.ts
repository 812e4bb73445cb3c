/**
 * The simulated widget: the messages it accepts from its host, the events it posts, and the
 * actions a person (or a test) can take in it. Like the real widget it checks neither
 * `event.origin` nor `event.source`: hardening is the host's job, and this must not hide it.
 */
import { createRequester } from './requester';
import type { Requester, RequesterDeps } from './requester';
import { createSearchCache } from './search-cache';
import type { RegisteredService } from './types';
import { createContactsFetcher } from './widget-contacts';
import { createMatcher, loadMatches, MATCH_STORAGE_KEY } from './widget-match';
import { createSearch } from './widget-search';
import { createContext, initialState } from './widget-state';
import type { RawRecord, SimulatorState, ViewRecord, WidgetDeps } from './widget-state';
import { viewMatchedContact } from './widget-view';

export const STARTS_STORAGE_KEY = 'simulator.starts';

export type WidgetOptions = Omit<WidgetDeps, 'requester'> & RequesterDeps & { loggedIn: boolean };

export interface SimulatedWidget {
  state(): SimulatorState;
  /** Announces the widget to its parent, as the real one does when it has started. */
  start(): void;
  /** Feed every `message` event's data here. */
  handleMessage(data: unknown): void;
  login(): void;
  logout(): void;
  visitContactsTab(): Promise<void>;
  refresh(): Promise<void>;
  type(text: string): void;
  seedCalls(numbers: string[]): Promise<void>;
  ring(phoneNumber: string, fromUserName?: string): void;
  viewContact(phoneNumber: string): Promise<ViewRecord | string>;
  region(countryCode: string, areaCode?: string): void;
  /** Sends any request, as a hostile or buggy widget build might; records the outcome. */
  rawRequest(path: unknown, body: unknown, timeoutMs: number): Promise<RawRecord>;
}

/** Creates the widget for one page life; call `start()` once the page is ready. */
export function createWidget(options: WidgetOptions): SimulatedWidget {
  const starts = Number(options.storage.get(STARTS_STORAGE_KEY) ?? '0') + 1;
  options.storage.set(STARTS_STORAGE_KEY, String(starts));
  const state = initialState(starts, options.loggedIn);
  state.matches = loadMatches(options.storage.get(MATCH_STORAGE_KEY));
  // The requester reports strays through the context, and the context hands the requester
  // to the widget's parts: a late-bound getter breaks the cycle.
  let requester: Requester | null = null;
  const deps: WidgetDeps = { ...options, get requester() { return requester as Requester; } };
  const ctx = createContext(state, deps);
  requester = createRequester(options, (stray) => {
    state.strayResponses.push({ responseId: stray.responseId });
    ctx.log('in', 'ignored response', `no pending request ${String(stray.responseId)}`);
  });
  const contacts = createContactsFetcher(ctx);
  const matcher = createMatcher(ctx);
  const search = createSearch(ctx, createSearchCache());

  const post = (message: Record<string, unknown>): void => {
    options.postToParent(message);
    ctx.log('out', String(message.type), JSON.stringify(message).slice(0, 120));
  };
  const notifyLogin = (isFreshLogin: boolean): void => {
    post({ type: 'rc-login-status-notify', loggedIn: state.loggedIn, loginNumber: state.loggedIn ? '+16505550100' : null,
      contractedCountryCode: 'US', admin: false, features: {}, isFreshLogin });
    if (state.dialerReady !== state.loggedIn) {
      state.dialerReady = state.loggedIn;
      post({ type: 'rc-dialer-status-notify', ready: state.dialerReady });
    }
  };

  function register(service: unknown): void {
    const s = service as RegisteredService | undefined;
    if (!s || !s.name) {
      state.registrations.push({ name: s?.name, accepted: false, reason: 'ignored: no service.name' });
      ctx.log('note', 'registration ignored', 'no service.name');
      return;
    }
    if (s.contactsPath && state.service?.contactsPath) {
      // Contacts.addSource throws for an existing source; the rest of the handler is skipped.
      state.registrations.push({ name: s.name, accepted: false, reason: 'failed: contacts source already exists' });
      ctx.error(`second registration of "${s.name}" with contactsPath in one page life: source already exists`);
      return;
    }
    state.service = { ...s };
    state.registrations.push({ name: s.name, accepted: true, reason: 'registered' });
    ctx.log('note', 'registered', s.name);
    if (s.contactsPath) void contacts.fetch('register', undefined);
    if (s.contactMatchPath) void matcher.triggerMatch('registration');
  }

  function handleCommand(message: Record<string, unknown>): void {
    switch (message.type) {
      case 'rc-adapter-register-third-party-service':
        return register(message.service);
      case 'rc-adapter-sync-third-party-contacts':
        void contacts.fetch('api', 'api').then(() => matcher.refreshAfterSync());
        return;
      case 'rc-adapter-trigger-contact-match':
        void matcher.triggerContactMatch(message.phoneNumbers);
        return;
      case 'rc-adapter-new-call': {
        const accepted = state.loggedIn && state.dialerReady;
        state.calls.push({ phoneNumber: message.phoneNumber, toCall: message.toCall, accepted });
        if (accepted && message.toCall && typeof message.phoneNumber === 'string') {
          matcher.track([message.phoneNumber]);
          void matcher.triggerMatch('new call');
        }
        options.onChange();
        return;
      }
      case 'rc-adapter-new-sms':
        state.sms.push({ phoneNumber: message.phoneNumber, text: message.text, accepted: state.loggedIn });
        options.onChange();
        return;
      default:
    }
  }

  return {
    state: () => state,
    start: () => notifyLogin(false),
    handleMessage(data) {
      if (!data || typeof data !== 'object') return;
      const message = data as Record<string, unknown>;
      if (message.type === 'rc-post-message-response') {
        deps.requester.handleMessage(message);
        return;
      }
      if (typeof message.type === 'string') ctx.log('in', message.type, JSON.stringify(message).slice(0, 120));
      handleCommand(message);
    },
    login() {
      if (state.loggedIn) return;
      state.loggedIn = true;
      notifyLogin(true);
    },
    logout() {
      if (!state.loggedIn) return;
      state.loggedIn = false;
      notifyLogin(false);
    },
    visitContactsTab: () => contacts.fetch('tab', undefined),
    refresh: () => contacts.fetch('manual', 'manual'),
    type: (text) => search.type(text),
    async seedCalls(numbers) {
      matcher.track(numbers);
      await matcher.triggerMatch('call history');
    },
    ring(phoneNumber, fromUserName) {
      matcher.track([phoneNumber]);
      const contactMatch = state.matches[phoneNumber]?.contacts[0];
      post({ type: 'rc-call-ring-notify', call: { from: phoneNumber, fromUserName, contactMatch } });
      void matcher.triggerMatch('ringing call');
    },
    viewContact: (phoneNumber) => viewMatchedContact(ctx, phoneNumber),
    region(countryCode, areaCode = '') {
      post({ type: 'rc-region-settings-notify', countryCode, areaCode });
    },
    async rawRequest(path, body, timeoutMs) {
      const record: RawRecord = { path, body, elapsedMs: null, timedOut: false };
      state.raw.push(record);
      try {
        record.response = await deps.requester.request(path, body, timeoutMs, (o) => {
          record.elapsedMs = o.elapsedMs;
          record.timedOut = o.timedOut;
        });
      } catch {
        record.timedOut = true;
      }
      options.onChange();
      return record;
    },
  };
}
