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

/** A call-log entry RingCentral knows at login: its number and the name it holds for it, if any. */
export interface CallLogEntry {
  phoneNumber: string;
  name?: string;
}

export type WidgetOptions = Omit<WidgetDeps, 'requester'> & RequesterDeps & {
  /** The user is logged in at start: announced as `false`, then `true` `loginDelayMs` later. */
  loggedIn: boolean;
  /** 0.5–2.4 s in the real widget. */
  loginDelayMs?: number;
  /** Numbers the call log, messages and active calls bring at login (matched in stages). */
  callLog?: CallLogEntry[];
  /** True once the page's `load` has fired (recorded with each registration). */
  documentLoaded?: () => boolean;
  /** Navigates the page to itself with these query parameters changed. */
  navigateSelf?: (query: Record<string, string>) => void;
};

/**
 * At login the real widget matches in several small requests as the call log, messages and
 * active calls arrive (3, 1 and 8 numbers within 4 s), not in one: the stage sizes and delays.
 */
export const LOGIN_MATCH_STAGES = [
  { count: 3, afterMs: 300 },
  { count: 1, afterMs: 1_200 },
  { count: Infinity, afterMs: 3_000 },
] as const;

/** Events the real widget posts that a contacts provider ignores (a host must not trip on them). */
export const UNRELATED_EVENTS: ReadonlyArray<Record<string, unknown>> = [
  { type: 'rc-adapter-pushAdapterState', size: 'normal', minimized: false, closed: false, position: { translateX: 0 } },
  { type: 'rc-brand-assets-notify', logoUri: null, iconUri: null },
  { type: 'rc-adapter-pushLocale', locale: 'en-US', fallbackLocale: 'en-US' },
  { type: 'rc-route-changed-notify', path: '/dialer' },
  { type: 'rc-webphone-connection-status-notify', connectionStatus: 'connectionStatus-disconnected' },
  { type: 'rc-meeting-status-notify', ready: false, permission: false },
  { type: 'rc-calling-settings-notify', callWith: 'browser', callingMode: 'WebRTC' },
];

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
  /** The widget reloads itself (a navigation its host did not start), e.g. with `slowResource`. */
  reloadSelf(query?: Record<string, string>): void;
  /** Sends any request, as a hostile or buggy widget build might; records the outcome. */
  rawRequest(path: unknown, body: unknown, timeoutMs: number): Promise<RawRecord>;
}

/** Creates the widget for one page life; call `start()` once the page is ready. */
export function createWidget(options: WidgetOptions): SimulatedWidget {
  const starts = Number(options.storage.get(STARTS_STORAGE_KEY) ?? '0') + 1;
  options.storage.set(STARTS_STORAGE_KEY, String(starts));
  // A logged-in user's start is announced as logged out first (see `start`).
  const state = initialState(starts, false);
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

  const loadedNow = (): boolean => options.documentLoaded?.() ?? true;

  /** The call log and messages arrive in stages after login, each matched on its own. */
  const loadCallLog = (): void => {
    const entries = options.callLog ?? [];
    let from = 0;
    for (const stage of LOGIN_MATCH_STAGES) {
      const batch = entries.slice(from, from + stage.count);
      from += batch.length;
      if (batch.length === 0) break;
      options.setTimer(() => {
        if (!state.loggedIn) return;
        for (const entry of batch) if (entry.name) state.callerNames[entry.phoneNumber] = entry.name;
        matcher.track(batch.map((e) => e.phoneNumber));
        void matcher.triggerMatch('call log at login');
      }, stage.afterMs);
    }
    options.setTimer(() => state.loggedIn && post({ type: 'rc-call-history-synced-notify' }), LOGIN_MATCH_STAGES.at(-1)?.afterMs ?? 0);
  };

  function login(): void {
    if (state.loggedIn) return;
    state.loggedIn = true;
    notifyLogin(true);
    loadCallLog();
  }

  function register(service: unknown): void {
    const s = service as RegisteredService | undefined;
    const loaded = loadedNow();
    if (!s || !s.name) {
      state.registrations.push({ name: s?.name, accepted: false, reason: 'ignored: no service.name', loaded });
      ctx.log('note', 'registration ignored', 'no service.name');
      return;
    }
    if (s.contactsPath && state.service?.contactsPath) {
      // Contacts.addSource throws for an existing source; the rest of the handler is skipped.
      state.registrations.push({ name: s.name, accepted: false, reason: 'failed: contacts source already exists', loaded });
      ctx.error(`second registration of "${s.name}" with contactsPath in one page life: source already exists`);
      return;
    }
    state.service = { ...s };
    state.registrations.push({ name: s.name, accepted: true, reason: 'registered', loaded });
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
    start() {
      notifyLogin(false);
      for (const event of UNRELATED_EVENTS) post({ ...event });
      if (options.loggedIn) options.setTimer(login, options.loginDelayMs ?? 600);
    },
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
    login,
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
    reloadSelf: (query = {}) => options.navigateSelf?.(query),
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
