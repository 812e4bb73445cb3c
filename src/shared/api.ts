/**
 * The one typed contract between the renderer and the preload bridge: the preload object
 * `satisfies SoftphoneApi` and the renderer sees it as `window.softphone`. Every function is
 * narrow (no generic invoke) and every call resolves to a `Result`, never a rejection.
 * The end-to-end test bridge implements this same interface over the real core.
 */
import type {
  ContactDetails,
  ContactsPageResponse,
  MatchResponse,
  SearchResponse,
} from './contact';
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

export interface SoftphoneApi {
  contacts: {
    /** `/contacts`: the widget's request body, passed through for main to validate. */
    list(body: unknown): Promise<Result<ContactsPageResponse>>;
    search(body: unknown): Promise<Result<SearchResponse>>;
    match(body: unknown): Promise<Result<MatchResponse>>;
    /** `/contacts/view`: main opens the contact window; the widget gets 'ok'. */
    view(body: unknown): Promise<Result<'ok'>>;
  };
  widget: {
    config(): Promise<Result<WidgetConfig>>;
    report(event: WidgetEvent): void;
    /** Subscribes to commands from main; returns the unsubscribe function. */
    onCommand(listener: (command: WidgetCommand) => void): () => void;
  };
  /** Used only by the contact window page. */
  contactWindow: {
    details(): Promise<Result<ContactDetails>>;
    dial(phoneNumber: string): Promise<Result<void>>;
    email(address: string): Promise<Result<void>>;
  };
}
