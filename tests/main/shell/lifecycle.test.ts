import { describe, expect, it, vi } from 'vitest';
import { appUserModelId, APP_ID } from '../../../src/main/app/identity';
import {
  acquireSingleInstance,
  createQuitState,
  effectiveCloseAction,
  handleMainWindowClose,
  registerProtocolClients,
} from '../../../src/main/app/lifecycle';
import { defaultCloseAction, readSettings, type CloseAction } from '../../../src/main/settings/schema';

function fakeApp(lock = true) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  return {
    handlers,
    requestSingleInstanceLock: vi.fn(() => lock),
    on: vi.fn((e: string, f: (...args: unknown[]) => void) => handlers.set(e, f)),
    quit: vi.fn(),
    setAsDefaultProtocolClient: vi.fn((..._args: unknown[]) => true),
    getApplicationNameForProtocol: vi.fn((_url: string) => ''),
    isPackaged: true,
  };
}

describe('app/acquireSingleInstance', () => {
  it('returns false when another instance holds the lock', () => {
    expect(acquireSingleInstance({ app: fakeApp(false) as never, onLink: vi.fn(), onSecondInstance: vi.fn() })).toBe(false);
  });

  it('hands a second launch link to the running instance and shows it', () => {
    const app = fakeApp();
    const onLink = vi.fn();
    const onSecondInstance = vi.fn();
    expect(acquireSingleInstance({ app: app as never, onLink, onSecondInstance })).toBe(true);
    app.handlers.get('second-instance')!({}, ['/opt/softphone', '--flag', 'tel:+15551234567'], '/');
    expect(onSecondInstance).toHaveBeenCalled();
    expect(onLink).toHaveBeenCalledWith('tel:+15551234567');
  });

  it('takes macOS open-url links', () => {
    const app = fakeApp();
    const onLink = vi.fn();
    acquireSingleInstance({ app: app as never, onLink, onSecondInstance: vi.fn() });
    const event = { preventDefault: vi.fn() };
    app.handlers.get('open-url')!(event, 'sms:+1555?body=hi');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onLink).toHaveBeenCalledWith('sms:+1555?body=hi');
  });
});

describe('app/registerProtocolClients', () => {
  it('registers tel, callto and sms when nothing handles them', () => {
    const app = fakeApp();
    expect(registerProtocolClients(app as never, ['/opt/softphone'], '/opt/softphone')).toEqual(['tel', 'callto', 'sms']);
    expect(app.setAsDefaultProtocolClient.mock.calls.map((c) => c[0])).toEqual(['tel', 'callto', 'sms']);
  });

  it('never takes a scheme over from the application the user chose', () => {
    const app = fakeApp();
    app.getApplicationNameForProtocol.mockImplementation((url: string) => (url === 'tel:' ? 'Other Phone' : ''));
    expect(registerProtocolClients(app as never, ['/opt/softphone'], '/opt/softphone')).toEqual(['callto', 'sms']);
  });

  it('passes the entry script when unpackaged', () => {
    const app = { ...fakeApp(), isPackaged: false };
    registerProtocolClients(app as never, ['/usr/bin/electron', '/work/main'], '/usr/bin/electron');
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('tel', '/usr/bin/electron', ['/work/main']);
  });
});

function closeHarness(action: CloseAction) {
  const app = fakeApp();
  const quitState = createQuitState(app as never);
  let onClose: ((e: { preventDefault(): void }) => void) | null = null;
  const win = { on: vi.fn((_: string, f: typeof onClose) => (onClose = f)), hide: vi.fn(), minimize: vi.fn() };
  let current = action;
  handleMainWindowClose(win as never, quitState, () => current);
  const close = () => {
    const event = { preventDefault: vi.fn() };
    onClose!(event);
    return event;
  };
  return { app, quitState, win, close, set: (next: CloseAction) => (current = next) };
}

describe('app/handleMainWindowClose', () => {
  it('hides to the tray instead of closing until the app quits', () => {
    const h = closeHarness('tray');
    expect(h.close().preventDefault).toHaveBeenCalled();
    expect(h.win.hide).toHaveBeenCalled();
    expect(h.win.minimize).not.toHaveBeenCalled();
    h.quitState.quit();
    expect(h.app.quit).toHaveBeenCalled();
    expect(h.close().preventDefault).not.toHaveBeenCalled();
  });

  it('minimizes, keeping the window on the taskbar, when the setting says minimize', () => {
    const h = closeHarness('minimize');
    expect(h.close().preventDefault).toHaveBeenCalled();
    expect(h.win.minimize).toHaveBeenCalled();
    expect(h.win.hide).not.toHaveBeenCalled();
  });

  it('quits the app when the setting says quit', () => {
    const h = closeHarness('quit');
    expect(h.close().preventDefault).not.toHaveBeenCalled();
    expect(h.app.quit).toHaveBeenCalled();
    expect(h.quitState.isQuitting()).toBe(true);
  });

  it('follows a setting changed while the app runs', () => {
    const h = closeHarness('tray');
    h.set('minimize');
    h.close();
    expect(h.win.minimize).toHaveBeenCalled();
    expect(h.win.hide).not.toHaveBeenCalled();
  });

  it('lets windows close on an OS-initiated quit (before-quit)', () => {
    const app = fakeApp();
    const quitState = createQuitState(app as never);
    app.handlers.get('before-quit')!();
    expect(quitState.isQuitting()).toBe(true);
  });
});

describe('app/close action', () => {
  it('defaults to minimize on Linux, where a tray may be invisible, and to the tray elsewhere', () => {
    expect(defaultCloseAction('linux')).toBe('minimize');
    expect(defaultCloseAction('win32')).toBe('tray');
    expect(defaultCloseAction('darwin')).toBe('tray');
  });

  it('never hides where no tray could be installed', () => {
    expect(effectiveCloseAction('tray', false)).toBe('minimize');
    expect(effectiveCloseAction('tray', true)).toBe('tray');
    expect(effectiveCloseAction('quit', false)).toBe('quit');
    expect(effectiveCloseAction('minimize', true)).toBe('minimize');
  });

  it("reads closeAction from settings.json; unset, it is the platform's default", () => {
    expect(readSettings({ closeAction: 'quit' }).settings.closeAction).toBe('quit');
    expect(readSettings({}).settings.closeAction).toBe(defaultCloseAction(process.platform));
  });
});

describe('app/appUserModelId', () => {
  it("is the installer's appId for an installed Windows app, the Electron executable in development, and unset elsewhere", () => {
    expect(appUserModelId('win32', true, 'C:\\x\\softphone.exe')).toBe(APP_ID);
    expect(appUserModelId('win32', false, 'C:\\dev\\electron.exe')).toBe('C:\\dev\\electron.exe');
    expect(appUserModelId('linux', true, '/opt/x')).toBeNull();
    expect(appUserModelId('darwin', true, '/Applications/x')).toBeNull();
  });
});
