import { describe, expect, it, vi } from 'vitest';
import {
  decideWindowOpen,
  installNavigationPolicy,
  isNavigationAllowed,
  type NavigationPolicy,
} from '../../../src/main/security/navigation';

const policy: NavigationPolicy = { appOrigin: 'app://softphone', widgetOrigin: 'https://apps.ringcentral.com', signInOrigins: [] };
const WIDGET_APP = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

describe('security/isNavigationAllowed', () => {
  it.each([
    // our windows, main frame
    ['app', true, 'app://softphone/index.html', true],
    ['app', true, 'app://softphone/contact.html', true],
    ['app', true, WIDGET_APP, false],
    ['app', true, 'https://login.ringcentral.com/', false],
    ['app', true, 'https://evil.example/', false],
    ['app', true, 'file:///etc/passwd', false],
    ['app', true, 'javascript:alert(1)', false],
    ['app', true, 'data:text/html,<script>1</script>', false],
    // our windows, the widget iframe
    ['app', false, WIDGET_APP, true],
    ['app', false, 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/redirect.html?code=x', true],
    ['app', false, 'https://login.ringcentral.com/?x', true],
    ['app', false, 'about:blank', true],
    ['app', false, 'https://apps.ringcentral.com.evil.example/app.html', false],
    ['app', false, 'https://evil.example/?https://apps.ringcentral.com', false],
    ['app', false, 'https://apps.ringcentral.com@evil.example/', false],
    ['app', false, 'http://apps.ringcentral.com/app.html', false],
    ['app', false, 'app://softphone/index.html', false],
    ['app', false, 'javascript:alert(1)', false],
    ['app', false, 'file:///etc/passwd', false],
    ['app', false, 'data:text/html,hi', false],
    // the sign-in popup follows SSO providers over https only
    ['popup', true, 'https://login.ringcentral.com/', true],
    ['popup', true, 'https://sso.customer-idp.example/saml', true],
    ['popup', true, 'http://sso.customer-idp.example/saml', false],
    ['popup', true, 'javascript:alert(1)', false],
    ['popup', true, 'file:///etc/passwd', false],
    ['popup', true, 'data:text/html,hi', false],
    ['popup', true, 'app://softphone/index.html', false],
  ] as const)('%s window, main frame %s: %s → %s', (kind, isMainFrame, url, expected) => {
    expect(isNavigationAllowed({ url, isMainFrame, kind }, policy)).toBe(expected);
  });
});

describe('security/decideWindowOpen', () => {
  it.each([
    ['app', 'https://platform.ringcentral.com/restapi/oauth/authorize?client_id=x', 'popup'],
    ['app', 'https://login.ringcentral.com/', 'popup'],
    ['app', 'https://www.ringcentral.com/legal.html', 'external'],
    ['app', 'https://login.ringcentral.com.evil.example/', 'external'],
    ['app', 'javascript:alert(1)', 'deny'],
    ['app', 'file:///etc/passwd', 'deny'],
    ['app', 'data:text/html,hi', 'deny'],
    ['app', 'app://softphone/index.html', 'deny'],
    ['app', 'tel:+15551234567', 'deny'],
    ['app', 'https://user:pw@evil.example/', 'deny'],
    ['popup', 'https://login.ringcentral.com/', 'external'],
    ['popup', 'https://help.example/', 'external'],
    ['popup', 'file:///etc/passwd', 'deny'],
  ] as const)('%s opening %s → %s', (kind, url, expected) => {
    expect(decideWindowOpen(url, kind, policy)).toBe(expected);
  });
});

function fakeContents(opener: unknown = null) {
  const listeners = new Map<string, (arg: unknown) => void>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  return {
    opener,
    on: vi.fn((event: string, listener: (arg: unknown) => void) => listeners.set(event, listener)),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      openHandler = handler;
    }),
    emit: (event: string, arg: unknown) => listeners.get(event)!(arg),
    open: (url: string) => openHandler!({ url }),
  };
}

function install(contents: ReturnType<typeof fakeContents>) {
  let created: ((e: unknown, c: unknown) => void) | null = null;
  const app = { on: vi.fn((_: string, l: (e: unknown, c: unknown) => void) => (created = l)) };
  const openExternal = vi.fn();
  const log = vi.fn();
  installNavigationPolicy({ app: app as never, policy: () => policy, openExternal, log });
  created!({}, contents);
  return { openExternal, log };
}

const navEvent = (url: string, isMainFrame: boolean) => ({ url, isMainFrame, preventDefault: vi.fn() });

describe('security/installNavigationPolicy', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks a foreign main-frame page and logs it', (event) => {
    const contents = fakeContents();
    const { log } = install(contents);
    const bad = navEvent('https://evil.example/', true);
    contents.emit(event, bad);
    expect(bad.preventDefault).toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
    const good = navEvent('app://softphone/index.html', true);
    contents.emit(event, good);
    expect(good.preventDefault).not.toHaveBeenCalled();
  });

  it('keeps the iframe on the widget origin', () => {
    const contents = fakeContents();
    install(contents);
    const widget = navEvent(WIDGET_APP, false);
    contents.emit('will-frame-navigate', widget);
    expect(widget.preventDefault).not.toHaveBeenCalled();
    const deceptive = navEvent('https://apps.ringcentral.com.evil.example/app.html', false);
    contents.emit('will-frame-navigate', deceptive);
    expect(deceptive.preventDefault).toHaveBeenCalled();
  });

  it('lets the sign-in popup (a window with an opener) follow an https SSO provider', () => {
    const contents = fakeContents({ url: WIDGET_APP });
    install(contents);
    const sso = navEvent('https://idp.customer.example/login', true);
    contents.emit('will-navigate', sso);
    expect(sso.preventDefault).not.toHaveBeenCalled();
  });

  it('always prevents attaching a webview', () => {
    const contents = fakeContents();
    install(contents);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('opens the OAuth popup as a hardened child window in the same session', () => {
    const contents = fakeContents();
    const { openExternal } = install(contents);
    const response = contents.open('https://platform.ringcentral.com/restapi/oauth/authorize?x=1') as {
      action: string;
      overrideBrowserWindowOptions: { webPreferences: Record<string, unknown> };
      outlivesOpener?: boolean;
    };
    expect(response.action).toBe('allow');
    expect(response.overrideBrowserWindowOptions.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
    });
    expect(response.overrideBrowserWindowOptions.webPreferences).not.toHaveProperty('partition');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('sends other http(s) links to the system browser and denies the window', () => {
    const contents = fakeContents();
    const { openExternal } = install(contents);
    expect(contents.open('https://www.ringcentral.com/legal.html')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.ringcentral.com/legal.html');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://evil/share'])('denies %s without opening anything', (url) => {
    const contents = fakeContents();
    const { openExternal, log } = install(contents);
    expect(contents.open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });
});
