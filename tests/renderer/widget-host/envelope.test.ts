import { describe, expect, it } from 'vitest';
import { parseWidgetNotification, parseWidgetRequest } from '../../../src/renderer/widget-host/envelope';

describe('widget-host/parseWidgetRequest', () => {
  it('reads a request envelope, with or without a path', () => {
    expect(parseWidgetRequest({ type: 'rc-post-message-request', requestId: 'a', path: '/contacts', body: { page: 1 } })).toEqual({
      requestId: 'a',
      path: '/contacts',
      body: { page: 1 },
    });
    expect(parseWidgetRequest({ type: 'rc-post-message-request', requestId: 'a' })).toEqual({ requestId: 'a', path: undefined, body: undefined });
  });

  it.each([
    { type: 'rc-post-message-response', responseId: 'a' },
    { type: 'rc-post-message-request', requestId: '' },
    { type: 'rc-post-message-request', requestId: 'a', path: '' },
    { type: 'rc-post-message-request', requestId: ['a'] },
    [],
    'x',
  ])('rejects %j', (data) => {
    expect(parseWidgetRequest(data)).toBeNull();
  });
});

describe('widget-host/parseWidgetNotification', () => {
  it.each([
    [{ type: 'rc-login-status-notify', loggedIn: 'yes' }, { kind: 'login-status', loggedIn: false }],
    [{ type: 'rc-dialer-status-notify' }, { kind: 'dialer-status', ready: false }],
    [{ type: 'rc-region-settings-notify', countryCode: 'us' }, null],
    [{ type: 'rc-region-settings-notify', countryCode: 'US' }, { kind: 'region', countryCode: 'US' }],
    [{ type: 'rc-call-ring-notify', call: { from: '' } }, null],
    [{ type: 'rc-call-ring-notify', call: { from: '+1555', contactMatch: { name: 42 } } }, { kind: 'call-ring', from: '+1555' }],
    [{ type: 'rc-inbound-message-notify' }, null],
  ])('%j → %j', (data, expected) => {
    expect(parseWidgetNotification(data)).toEqual(expected);
  });
});
