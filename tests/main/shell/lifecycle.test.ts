import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstance, createQuitState, hideOnClose, registerProtocolClients } from '../../../src/main/app/lifecycle';

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

describe('app/hideOnClose', () => {
  it('hides instead of closing until the app quits', () => {
    const app = fakeApp();
    const quitState = createQuitState(app as never);
    let onClose: ((e: { preventDefault(): void }) => void) | null = null;
    const win = { on: vi.fn((_: string, f: typeof onClose) => (onClose = f)), hide: vi.fn() };
    hideOnClose(win as never, quitState);
    const first = { preventDefault: vi.fn() };
    onClose!(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(win.hide).toHaveBeenCalled();
    quitState.quit();
    expect(app.quit).toHaveBeenCalled();
    const second = { preventDefault: vi.fn() };
    onClose!(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('lets windows close on an OS-initiated quit (before-quit)', () => {
    const app = fakeApp();
    const quitState = createQuitState(app as never);
    app.handlers.get('before-quit')!();
    expect(quitState.isQuitting()).toBe(true);
  });
});
