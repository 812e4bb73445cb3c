import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers, isPermissionAllowed } from '../../../src/main/security/permissions';

const WIDGET = 'https://apps.ringcentral.com';
const APP = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

describe('security/isPermissionAllowed', () => {
  it.each([
    ['media', APP, ['audio'], true],
    ['media', APP, undefined, true],
    ['notifications', APP, undefined, true],
    ['media', APP, ['audio', 'video'], false],
    ['media', APP, ['video'], false],
    ['geolocation', APP, undefined, false],
    ['clipboard-read', APP, undefined, false],
    ['openExternal', APP, undefined, false],
    ['display-capture', APP, undefined, false],
    ['media', 'https://apps.ringcentral.com.evil.example/app.html', ['audio'], false],
    ['media', 'https://evil.example/?https://apps.ringcentral.com', ['audio'], false],
    ['media', 'https://apps.ringcentral.com@evil.example/', ['audio'], false],
    ['notifications', 'http://apps.ringcentral.com/app.html', undefined, false],
    ['notifications', 'app://softphone/index.html', undefined, false],
    ['media', 'file:///tmp/x.html', ['audio'], false],
    ['media', 'data:text/html,x', ['audio'], false],
    ['media', undefined, ['audio'], false],
  ])('%s from %s (%j) → %s', (permission, requestingUrl, mediaTypes, expected) => {
    expect(isPermissionAllowed({ permission, requestingUrl, mediaTypes }, WIDGET)).toBe(expected);
  });
});

describe('security/installPermissionHandlers', () => {
  const install = () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    const log = vi.fn();
    installPermissionHandlers({ session: session as never, widgetOrigin: () => WIDGET, log });
    return { session, log };
  };

  it('clears earlier grants before installing the request handler', () => {
    const { session } = install();
    expect(session.setPermissionRequestHandler.mock.calls[0]![0]).toBeNull();
    expect(typeof session.setPermissionRequestHandler.mock.calls[1]![0]).toBe('function');
  });

  it('grants the microphone to the widget and denies and logs a foreign origin', () => {
    const { session, log } = install();
    const handler = session.setPermissionRequestHandler.mock.calls[1]![0];
    const granted = vi.fn();
    handler({}, 'media', granted, { requestingUrl: APP, mediaTypes: ['audio'] });
    expect(granted).toHaveBeenCalledWith(true);
    const denied = vi.fn();
    handler({}, 'media', denied, { requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] });
    expect(denied).toHaveBeenCalledWith(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/'));
  });

  it('answers checks the same way', () => {
    const { session } = install();
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    expect(check(null, 'notifications', WIDGET, { requestingUrl: APP, isMainFrame: false })).toBe(true);
    expect(check(null, 'media', WIDGET, { requestingUrl: APP, mediaType: 'audio', isMainFrame: false })).toBe(true);
    expect(check(null, 'media', WIDGET, { requestingUrl: APP, mediaType: 'video', isMainFrame: false })).toBe(false);
    expect(check(null, 'notifications', 'app://softphone', { isMainFrame: true })).toBe(false);
    expect(check(null, 'geolocation', WIDGET, { requestingUrl: APP, isMainFrame: false })).toBe(false);
  });
});
