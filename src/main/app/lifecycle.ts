/**
 * Desktop lifecycle: one instance (a second launch hands its links to the first), closing the
 * window does what the closeAction setting says, Quit really quits, and the app registers for
 * tel:/callto:/sms:.
 */
import path from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { LINK_SCHEMES, findProtocolLink } from '../protocol-links';
import type { CloseAction } from '../settings/schema';

type AppLike = Pick<
  App,
  'requestSingleInstanceLock' | 'on' | 'quit' | 'setAsDefaultProtocolClient' | 'getApplicationNameForProtocol' | 'isPackaged'
>;

export interface SingleInstanceDeps {
  app: AppLike;
  /** A link the OS handed us (second instance argv on Windows/Linux, `open-url` on macOS). */
  onLink: (url: string) => void;
  /** Another launch happened: bring the window forward. */
  onSecondInstance: () => void;
}

/**
 * Takes the single-instance lock. Returns false when another instance holds it: the caller
 * quits at once, and the other instance receives our argv through `second-instance`.
 */
export function acquireSingleInstance({ app, onLink, onSecondInstance }: SingleInstanceDeps): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => {
    onSecondInstance();
    const link = findProtocolLink(argv);
    if (link) onLink(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    onLink(url);
  });
  return true;
}

/**
 * Registers us for tel:, callto: and sms: where no other application handles them yet: the
 * installers declare the schemes, and a user who picked another phone app keeps it. An
 * unpackaged app must pass its entry script along. Returns the schemes registered.
 * Reviewed for PROTOCOL_HANDLER_JS_CHECK: the schemes are constants, and every link is parsed
 * by parseProtocolLink's strict grammar before anything acts on it.
 */
export function registerProtocolClients(app: AppLike, argv: readonly string[], execPath: string): string[] {
  const entry = argv[1];
  const registered: string[] = [];
  for (const scheme of LINK_SCHEMES) {
    if (app.getApplicationNameForProtocol(`${scheme}:`) !== '') continue;
    const done = !app.isPackaged && entry
      ? app.setAsDefaultProtocolClient(scheme, execPath, [path.resolve(entry)]) // eng-disable PROTOCOL_HANDLER_JS_CHECK
      : app.setAsDefaultProtocolClient(scheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK
    if (done) registered.push(scheme);
  }
  return registered;
}

export interface QuitState {
  isQuitting(): boolean;
  /** Marks a real quit (menu, tray) so the close handler lets windows close, then quits. */
  quit(): void;
}

export function createQuitState(app: Pick<App, 'on' | 'quit'>): QuitState {
  let quitting = false;
  // Any quit path (Cmd+Q, OS shutdown, app.quit()) passes through before-quit.
  app.on('before-quit', () => {
    quitting = true;
  });
  return {
    isQuitting: () => quitting,
    quit() {
      quitting = true;
      app.quit();
    },
  };
}

/** Hiding needs a tray to come back from; without one (it failed to install) minimize instead. */
export function effectiveCloseAction(chosen: CloseAction, hasTray: boolean): CloseAction {
  return chosen === 'tray' && !hasTray ? 'minimize' : chosen;
}

/**
 * Closing the main window: hide it to the tray, minimize it, or quit, as `closeAction()` says
 * at that moment (the setting can change while the app runs). A quit in progress closes it.
 */
export function handleMainWindowClose(
  win: Pick<BrowserWindow, 'on' | 'hide' | 'minimize'>,
  quitState: QuitState,
  closeAction: () => CloseAction,
): void {
  win.on('close', (event) => {
    if (quitState.isQuitting()) return;
    const action = closeAction();
    if (action === 'quit') return quitState.quit();
    event.preventDefault();
    if (action === 'minimize') win.minimize();
    else win.hide();
  });
}

/** Shows, restores and focuses a window. */
export function showWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
