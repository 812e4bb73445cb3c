/**
 * Everything the simulated widget holds, in one plain object that the page renders and
 * tests read through `window.__simulator.state()`. Also the context its parts share.
 */
import type { MatchEntries } from './match-cache';
import type { Requester } from './requester';
import type { RegisteredService, SearchRow, SimContact, Timeouts } from './types';

export interface FetchRecord {
  /** What asked: 'register' | 'tab' | 'manual' | 'api' (the body's `type` follows from it). */
  trigger: string;
  pages: unknown[];
  /** The stored syncTimestamp the pages carried. */
  sentTimestamp: unknown;
  outcome: 'pending' | 'incremental' | 'replace' | 'discarded' | 'dropped';
  received: number;
  error?: string;
}

export interface MatchRequestRecord {
  phoneNumbers: string[];
  /** The names RingCentral holds for some of them, as sent. */
  callerIds: Record<string, string>;
  outcome: 'pending' | 'answered' | 'empty' | 'error' | 'timeout';
  /** The keys of the reply's `data`, exactly as the host sent them. */
  replyKeys: string[];
  reason: string;
}

export interface ViewRecord {
  contactId: unknown;
  elapsedMs: number | null;
  timedOut: boolean;
  budgetMs: number;
  response?: unknown;
}

export interface RawRecord {
  path: unknown;
  body: unknown;
  response?: unknown;
  elapsedMs: number | null;
  timedOut: boolean;
}

export interface LogLine {
  at: number;
  dir: 'in' | 'out' | 'note';
  type: string;
  detail: string;
}

export interface SimulatorState {
  /** How many times a widget page started in this browser profile (persisted). */
  pageStarts: number;
  loggedIn: boolean;
  dialerReady: boolean;
  service: RegisteredService | null;
  /** `loaded`: whether the page's `load` had fired when the registration arrived. */
  registrations: Array<{ name: unknown; accepted: boolean; reason: string; loaded: boolean }>;
  contacts: SimContact[];
  syncTimestamp: unknown;
  fetchInFlight: boolean;
  fetches: FetchRecord[];
  search: {
    typed: string;
    /** Strings that reached the host, in order. */
    sent: string[];
    rows: SearchRow[];
    error: string | null;
    fromCache: boolean;
    /** The last string whose search finished (rows are final for it). */
    done: string | null;
  };
  tracked: string[];
  /** Names RingCentral knows for tracked numbers: sent as `callerIds` with each match. */
  callerNames: Record<string, string>;
  matches: MatchEntries;
  matchRequests: MatchRequestRecord[];
  views: ViewRecord[];
  raw: RawRecord[];
  calls: Array<{ phoneNumber: unknown; toCall: unknown; accepted: boolean }>;
  sms: Array<{ phoneNumber: unknown; text: unknown; accepted: boolean }>;
  strayResponses: Array<{ responseId: unknown }>;
  errors: string[];
  log: LogLine[];
}

/** The state of a freshly started widget page. */
export function initialState(pageStarts: number, loggedIn: boolean): SimulatorState {
  return {
    pageStarts, loggedIn, dialerReady: false, service: null, registrations: [],
    contacts: [], syncTimestamp: null, fetchInFlight: false, fetches: [],
    search: { typed: '', sent: [], rows: [], error: null, fromCache: false, done: null },
    tracked: [], callerNames: {}, matches: {}, matchRequests: [], views: [], raw: [], calls: [], sms: [],
    strayResponses: [], errors: [], log: [],
  };
}

/** Persistent storage, like the widget's localStorage-backed modules. */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface WidgetDeps {
  requester: Requester;
  postToParent(message: unknown): void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  storage: KeyValueStorage;
  timeouts: Timeouts;
  /** Called after every state change (the page re-renders). */
  onChange(): void;
}

/** What the widget's parts share: the state, the deps and the two ways to report. */
export interface WidgetContext {
  state: SimulatorState;
  deps: WidgetDeps;
  log(dir: LogLine['dir'], type: string, detail?: string): void;
  error(message: string): void;
}

const LOG_LIMIT = 200;

/** Binds the state to its deps with the log and error helpers; the log keeps the last 200 lines. */
export function createContext(state: SimulatorState, deps: WidgetDeps): WidgetContext {
  return {
    state,
    deps,
    log(dir, type, detail = '') {
      state.log.push({ at: deps.now(), dir, type, detail });
      if (state.log.length > LOG_LIMIT) state.log.splice(0, state.log.length - LOG_LIMIT);
      deps.onChange();
    },
    error(message) {
      state.errors.push(message);
      deps.onChange();
    },
  };
}
