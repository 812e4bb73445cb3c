/**
 * The types that cross IPC, and `SoftphoneApi`, the renderer's view of the bridge
 * (`window.softphone`), derived from the channel table in ./ipc.ts. Every function is narrow
 * (no generic invoke) and every call resolves to a `Result`, never a rejection.
 */
import type { Settings, SettingsProblem } from '../main/settings/schema';
import type { CHANNELS, InvokeChannel, ListenChannel, SendChannel } from './ipc';
import type { Result } from './result';

/** What the widget host needs to load and register with the widget. */
export interface WidgetConfig {
  /** The full iframe URL (settings' widget URL with clientId / appServer appended). */
  widgetUrl: string;
  /** `new URL(widgetUrl).origin`: the only origin requests are accepted from and posted to. */
  widgetOrigin: string;
  serviceName: string;
  serviceDisplayName: string;
  /** An icon URL the widget can load (it renders it itself). */
  contactIcon?: string;
  contactMatchTtl: number;
  contactNoMatchTtl: number;
}

/** Commands main sends to the widget host, which turns them into widget messages. */
export type WidgetCommand =
  | { kind: 'sync-contacts'; changedNumbers: string[] }
  | { kind: 'new-call'; phoneNumber: string }
  | { kind: 'new-sms'; phoneNumber: string; text?: string }
  | { kind: 'reload-widget' }
  /** Text for the host's status bar (import progress, last import summary); plain text only. */
  | { kind: 'status'; text: string };

/** Widget events the host forwards to main (validated there). */
export type WidgetEvent =
  | { kind: 'login-status'; loggedIn: boolean }
  | { kind: 'dialer-status'; ready: boolean }
  | { kind: 'region'; countryCode: string }
  | { kind: 'call-ring'; from: string; fromUserName?: string; contactName?: string }
  | { kind: 'widget-loaded' };

/** What the settings window shows. */
export interface SettingsView {
  settings: Settings;
  /** Bad values found in settings.json (each read as its default). */
  problems: SettingsProblem[];
  /** The close action "tray" is offered only where a tray icon exists. */
  hasTray: boolean;
  /** ISO 3166 codes the phone-number library knows, for the region list. */
  regions: string[];
  /** The region the widget reported, if any (shown with "use the widget's region"). */
  widgetRegion: string | null;
}

/** One source as the Address books window lists it. */
export interface AddressBookRow {
  id: number;
  /** The file (or, for CardDAV, the book's URL). */
  path: string;
  kind: 'file' | 'carddav' | 'manual';
  format: string;
  contactCount: number;
  /** ISO date-time of the last sync that read it, or null. */
  lastSyncedAt: string | null;
  /** What that sync did: "3 added, 1 updated, 0 deleted". */
  outcome: string;
  /** A file source whose file is not there (kept as it was; "locate…" re-points it). */
  missing: boolean;
  /** Synced by itself when its file changes. */
  watching: boolean;
  /** The region the source's numbers were read in (ISO 3166 code), or null when none was. */
  region: string | null;
  /** For a CardDAV book: where it lives, and why its last sync failed (null when it did not). */
  carddav: CardDavBookInfo | null;
}

export interface CardDavBookInfo {
  /** `user@host`. */
  login: string;
  /** The book's display name on the server. */
  book: string;
  url: string;
  /** One line; the contacts are as the last good sync left them. */
  lastError: string | null;
  /** ISO date-time of the last attempt, good or failed. */
  lastAttemptAt: string | null;
}

/** A CardDAV login as typed in the Address books window ("Add CardDAV account…"). */
export interface CardDavLogin {
  /** A server URL, or just the host. */
  server: string;
  username: string;
  password: string;
}

/** An address book discovery found, for the user to pick. */
export interface FoundBook {
  url: string;
  displayName: string;
  /** Already one of the address books here. */
  added: boolean;
}

type Entry = (typeof CHANNELS)[keyof typeof CHANNELS];
type GroupOf<E> = E extends { api: `${infer G}.${string}` } ? G : never;
type FunctionOf<E> = E extends { api: `${string}.${infer F}` } ? F : never;
type Bridged<E> =
  E extends InvokeChannel<infer A, infer V>
    ? [A] extends [void] ? () => Promise<Result<V>> : (arg: A) => Promise<Result<V>>
    : E extends SendChannel<infer A>
      ? (arg: A) => void
      : E extends ListenChannel<infer P>
        ? (listener: (payload: P) => void) => () => void
        : never;

/**
 * `window.softphone`, derived from the channel table (src/shared/ipc.ts): one group per
 * `'group.function'` prefix, and per entry an invoke (resolving to a `Result`), a send, or a
 * subscription (returning its unsubscribe function).
 */
export type SoftphoneApi = {
  [G in GroupOf<Entry>]: { [E in Entry as GroupOf<E> extends G ? FunctionOf<E> : never]: Bridged<E> };
};
