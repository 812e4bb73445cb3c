/**
 * Navigation and new-window policy for every WebContents the app creates. The decisions are
 * pure functions (table-tested); `installNavigationPolicy` only wires them to Electron events.
 *
 * - Our windows: the main frame may load only our own pages; subframes (the widget iframe)
 *   only the widget origin and the sign-in pages.
 * - The widget's OAuth popup: a real child window in the same session that keeps its opener
 *   (its redirect page calls `window.opener`), free to follow SSO providers over https.
 * - `window.open` anywhere: the sign-in popup as above, other http(s) links to the system
 *   browser, everything else denied. `<webview>` is never attached.
 */
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl, isWidgetSignInUrl, isWidgetUrl, parseUrl } from './urls';
import { SECURE_WEB_PREFERENCES } from '../windows/web-preferences';

export interface NavigationPolicy {
  appOrigin: string;
  widgetOrigin: string;
  /** Extra sign-in origins (the configured app server). */
  signInOrigins: readonly string[];
}

/** Which kind of WebContents is navigating: one of our windows, or the widget's sign-in popup. */
export type ContentsKind = 'app' | 'popup';

/** True when a frame of `kind` may navigate to `url`. */
export function isNavigationAllowed(
  nav: { url: string; isMainFrame: boolean; kind: ContentsKind },
  policy: NavigationPolicy,
): boolean {
  if (nav.kind === 'popup') {
    // SSO providers are arbitrary identity providers, so the popup may go anywhere over https
    // (and to the widget origin itself, which is loopback http only in tests).
    const url = parseUrl(nav.url);
    return url !== null && (url.protocol === 'https:' || isWidgetUrl(nav.url, policy.widgetOrigin));
  }
  if (nav.isMainFrame) return isAppUrl(nav.url, policy.appOrigin);
  if (nav.url === 'about:blank') return true;
  return isWidgetUrl(nav.url, policy.widgetOrigin) || isWidgetSignInUrl(nav.url, policy.widgetOrigin, policy.signInOrigins);
}

export type WindowOpenDecision = 'popup' | 'external' | 'deny';

/** What to do with `window.open(url)` (or a `target=_blank` link) from contents of `kind`. */
export function decideWindowOpen(url: string, kind: ContentsKind, policy: NavigationPolicy): WindowOpenDecision {
  if (kind === 'app' && isWidgetSignInUrl(url, policy.widgetOrigin, policy.signInOrigins)) return 'popup';
  if (isSafeExternalUrl(url)) return 'external';
  return 'deny';
}

/** The sign-in popup's options: hardened, no preload, same session as its opener. */
export function signInPopupOptions(): BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 720,
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, navigateOnDragDrop: false, spellcheck: false },
  };
}

type PreventableEvent = { preventDefault(): void };
type NavDetails = PreventableEvent & { url: string; isMainFrame: boolean };

/** The slice of WebContents the policy touches; tests pass a fake. */
export type PolicedContents = Pick<WebContents, 'setWindowOpenHandler' | 'opener'> & {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (details: NavDetails) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
};

export interface NavigationDeps {
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: PolicedContents) => void): unknown };
  /** Read at each event, so changed widget settings apply at once. */
  policy: () => NavigationPolicy;
  openExternal: (url: string) => void;
  log: (message: string) => void;
}

/** Wires the policy to every WebContents created from now on (call before any window exists). */
export function installNavigationPolicy({ app, policy, openExternal, log }: NavigationDeps): void {
  app.on('web-contents-created', (_event, contents) => {
    // Our own windows are created by main and have no opener; anything with an opener can only
    // be the sign-in popup, the one window decideWindowOpen lets the widget create.
    const kind = (): ContentsKind => (contents.opener ? 'popup' : 'app');
    const guard = (details: NavDetails): void => {
      if (isNavigationAllowed({ url: details.url, isMainFrame: details.isMainFrame, kind: kind() }, policy())) return;
      details.preventDefault();
      log(`navigation blocked (${kind()}, ${details.isMainFrame ? 'main frame' : 'subframe'}): ${details.url}`);
    };
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('webview attach blocked');
    });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url, kind(), policy());
      if (decision === 'popup') return { action: 'allow', overrideBrowserWindowOptions: signInPopupOptions() };
      if (decision === 'external') openExternal(url);
      else log(`window.open denied: ${url}`);
      return { action: 'deny' };
    });
  });
}
