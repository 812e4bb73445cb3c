import { describe, expect, it, vi } from 'vitest';
import { createWidgetHost } from '../../../src/renderer/widget-host/host';
import { fail, ok } from '../../../src/shared/result';
import { WIDGET_ORIGIN, config, fakeApi, fakeDom } from './fakes';

function setup() {
  const dom = fakeDom();
  const { api, command } = fakeApi();
  const status = { show: vi.fn() };
  const host = createWidgetHost({ window: dom.window, frame: dom.frame, api, config, status });
  host.start();
  return { dom, api, command, host, status };
}

const request = (requestId: string, path: string | undefined, body: unknown = {}) => ({ type: 'rc-post-message-request', requestId, path, body });
const loginStatus = (loggedIn = false) => ({ type: 'rc-login-status-notify', loggedIn });

describe('widget-host/registration', () => {
  it('loads the configured widget URL into the iframe', () => {
    const { dom } = setup();
    expect(dom.frame.src).toBe(config.widgetUrl);
  });

  it('registers the service with every path and TTL on the first login-status after a load', () => {
    const { dom } = setup();
    dom.load();
    expect(dom.posts).toHaveLength(0);
    dom.fromWidget(loginStatus());
    expect(dom.posts).toEqual([
      {
        targetOrigin: WIDGET_ORIGIN,
        message: {
          type: 'rc-adapter-register-third-party-service',
          service: {
            name: 'AddressBook',
            displayName: 'Address Book',
            contactsPath: '/contacts',
            contactSearchPath: '/contacts/search',
            contactMatchPath: '/contacts/match',
            viewMatchedContactPath: '/contacts/view',
            contactIcon: config.contactIcon,
            contactMatchTtl: 7_200_000,
            contactNoMatchTtl: 300_000,
          },
        },
      },
    ]);
  });

  it('forwards widget events to main, and a load as widget-loaded', () => {
    const { dom, api } = setup();
    dom.load();
    dom.fromWidget(loginStatus(true));
    dom.fromWidget({ type: 'rc-dialer-status-notify', ready: true });
    dom.fromWidget({ type: 'rc-region-settings-notify', countryCode: 'GB', areaCode: '' });
    dom.fromWidget({ type: 'rc-call-ring-notify', call: { from: '+15551234567', fromUserName: 'X', contactMatch: { name: 'Ada' } } });
    expect(api.widget.report.mock.calls.map((c) => c[0])).toEqual([
      { kind: 'widget-loaded' },
      { kind: 'login-status', loggedIn: true },
      { kind: 'dialer-status', ready: true },
      { kind: 'region', countryCode: 'GB' },
      { kind: 'call-ring', from: '+15551234567', fromUserName: 'X', contactName: 'Ada' },
    ]);
  });
});

describe('widget-host/trust', () => {
  it.each([
    ['a foreign origin', 'https://evil.example', undefined],
    ['a deceptive origin', 'https://apps.ringcentral.com.evil.example', undefined],
    ['the right origin from another window', WIDGET_ORIGIN, { postMessage: vi.fn() }],
    ['a null source', WIDGET_ORIGIN, null],
  ])('ignores requests and events from %s', async (_name, origin, source) => {
    const { dom, api, host } = setup();
    const src = source === undefined ? dom.frame.contentWindow : source;
    dom.fromWidget(request('r1', '/contacts/search', { searchString: 'ada' }), origin, src);
    dom.fromWidget(loginStatus(), origin, src);
    await host.idle();
    expect(api.contacts.search).not.toHaveBeenCalled();
    expect(api.widget.report).not.toHaveBeenCalled();
    expect(dom.posts).toHaveLength(0);
  });

  it.each([
    { type: 'rc-post-message-request', path: '/contacts' },
    { type: 'rc-post-message-request', requestId: 42, path: '/contacts' },
    { type: 'rc-post-message-request', requestId: 'x'.repeat(500), path: '/contacts' },
    { type: 'rc-post-message-request', requestId: 'r', path: 7 },
    'rc-post-message-request',
    null,
  ])('ignores a malformed envelope %j', async (data) => {
    const { dom, api, host } = setup();
    dom.fromWidget(data);
    await host.idle();
    expect(api.contacts.list).not.toHaveBeenCalled();
    expect(dom.posts).toHaveLength(0);
  });

  it('posts every response to the widget origin, never "*"', async () => {
    const { dom, host } = setup();
    dom.fromWidget(request('r1', '/contacts'));
    dom.fromWidget(request('r2', '/nope'));
    await host.idle();
    expect(dom.posts.map((p) => p.targetOrigin)).toEqual([WIDGET_ORIGIN, WIDGET_ORIGIN]);
  });
});

describe('widget-host/routing', () => {
  it.each([
    ['/contacts', 'list', { page: 1, syncTimestamp: null }],
    ['/contacts/search', 'search', { searchString: 'ada' }],
    ['/contacts/match', 'match', { phoneNumbers: ['+15551234567'], callerIds: {} }],
  ] as const)('%s goes to contacts.%s and the value is the response', async (path, method, body) => {
    const { dom, api, host } = setup();
    dom.fromWidget(request('r1', path, body));
    await host.idle();
    expect(api.contacts[method]).toHaveBeenCalledWith(body);
    const value = ((await api.contacts[method].mock.results[0]!.value) as { value: unknown }).value;
    expect(dom.posts).toEqual([{ targetOrigin: WIDGET_ORIGIN, message: { type: 'rc-post-message-response', responseId: 'r1', response: value } }]);
  });

  it('answers view with ok and asks main to open the window', async () => {
    const { dom, api, host } = setup();
    dom.fromWidget(request('r1', '/contacts/view', { id: '7', type: 'AddressBook' }));
    await host.idle();
    expect(dom.posts[0]!.message).toEqual({ type: 'rc-post-message-response', responseId: 'r1', response: 'ok' });
    expect(api.contacts.view).toHaveBeenCalledWith({ id: '7', type: 'AddressBook' });
  });

  it('answers a failed /contacts page with null, never an { error } that would wipe the list', async () => {
    const { dom, api, host } = setup();
    api.contacts.list.mockResolvedValueOnce(fail('internal', 'disk on fire') as never);
    dom.fromWidget(request('r1', '/contacts'));
    await host.idle();
    expect(dom.posts[0]!.message).toEqual({ type: 'rc-post-message-response', responseId: 'r1', response: null });
  });

  it('answers failed search and match with an error and empty data of the right kind', async () => {
    const { dom, api, host } = setup();
    const error = { code: 'bad-request', message: 'no' };
    api.contacts.search.mockResolvedValueOnce(fail('bad-request', 'no') as never);
    api.contacts.match.mockResolvedValueOnce(fail('bad-request', 'no') as never);
    dom.fromWidget(request('s', '/contacts/search'));
    dom.fromWidget(request('m', '/contacts/match'));
    await host.idle();
    const responses = Object.fromEntries(dom.posts.map((p) => [p.message.responseId, p.message.response]));
    expect(responses).toEqual({ s: { error, data: [] }, m: { error, data: {} } });
  });

  it('answers a bridge that throws as a failure of the same shape', async () => {
    const { dom, api, host } = setup();
    api.contacts.list.mockRejectedValueOnce(new Error('ipc gone'));
    dom.fromWidget(request('r1', '/contacts'));
    await host.idle();
    expect(dom.posts[0]!.message.response).toBeNull();
  });

  it.each([['/contacts/delete'], [undefined], ['/CONTACTS']])('answers unknown path %j with an error', async (path) => {
    const { dom, api, host } = setup();
    dom.fromWidget(request('r1', path));
    await host.idle();
    expect(dom.posts[0]!.message).toMatchObject({ responseId: 'r1', response: { error: { code: 'unknown-path' } } });
    expect(Object.values(api.contacts).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });
});

describe('widget-host/commands', () => {
  it('sync-contacts sends a sync and then a contact match for the changed numbers', () => {
    const { dom, command } = setup();
    command({ kind: 'sync-contacts', changedNumbers: ['+15551234567'] });
    expect(dom.posts.map((p) => p.message)).toEqual([
      { type: 'rc-adapter-sync-third-party-contacts' },
      { type: 'rc-adapter-trigger-contact-match', phoneNumbers: ['+15551234567'] },
    ]);
  });

  it('skips the contact match when no number changed', () => {
    const { dom, command } = setup();
    command({ kind: 'sync-contacts', changedNumbers: [] });
    expect(dom.types()).toEqual(['rc-adapter-sync-third-party-contacts']);
  });

  it('sends the sync again once an in-flight /contacts fetch has answered its last page', async () => {
    const { dom, api, command, host } = setup();
    let releasePage1: () => void = () => undefined;
    api.contacts.list.mockImplementationOnce(
      () => new Promise((resolve) => (releasePage1 = () => resolve(ok({ data: [], nextPage: 'cursor-2', syncTimestamp: 'r1' })))),
    );
    dom.fromWidget(request('p1', '/contacts', { page: 1 }));
    command({ kind: 'sync-contacts', changedNumbers: [] }); // arrives while page 1 is unanswered
    expect(dom.types()).toEqual(['rc-adapter-sync-third-party-contacts']);
    releasePage1();
    await host.idle();
    // page 1 answered with a next page: the fetch goes on, no second sync yet
    expect(dom.types()).toEqual(['rc-adapter-sync-third-party-contacts', 'rc-post-message-response']);
    dom.fromWidget(request('p2', '/contacts', { page: 'cursor-2' }));
    await host.idle();
    expect(dom.types()).toEqual([
      'rc-adapter-sync-third-party-contacts',
      'rc-post-message-response',
      'rc-post-message-response',
      'rc-adapter-sync-third-party-contacts',
    ]);
  });

  it('does not repeat a sync that arrived while no fetch was running', async () => {
    const { dom, command, host } = setup();
    command({ kind: 'sync-contacts', changedNumbers: [] });
    dom.fromWidget(request('p1', '/contacts', { page: 1 }));
    await host.idle();
    expect(dom.types()).toEqual(['rc-adapter-sync-third-party-contacts', 'rc-post-message-response']);
  });

  it('sync after a fetch whose last page failed is sent again too', async () => {
    const { dom, api, command, host } = setup();
    api.contacts.list.mockResolvedValueOnce(ok({ data: [], nextPage: 'c2', syncTimestamp: 'r1' }));
    dom.fromWidget(request('p1', '/contacts'));
    await host.idle();
    command({ kind: 'sync-contacts', changedNumbers: [] }); // between pages
    api.contacts.list.mockResolvedValueOnce(fail('internal', 'x') as never);
    dom.fromWidget(request('p2', '/contacts'));
    await host.idle();
    expect(dom.types().filter((t) => t === 'rc-adapter-sync-third-party-contacts')).toHaveLength(2);
  });

  it('a new widget document forgets the old one\'s fetch: a sync deferred for it is not sent again', async () => {
    const { dom, api, command, host } = setup();
    dom.fromWidget(loginStatus(false));
    api.contacts.list.mockResolvedValueOnce(ok({ data: [], nextPage: 'c2', syncTimestamp: 'r1' }));
    dom.fromWidget(request('p1', '/contacts'));
    await host.idle();
    command({ kind: 'sync-contacts', changedNumbers: [] }); // between pages: deferred
    dom.fromWidget(loginStatus(false)); // the same status again: a new document started
    dom.fromWidget(request('n1', '/contacts')); // its full load, which holds every change
    await host.idle();
    expect(dom.types().filter((t) => t === 'rc-adapter-sync-third-party-contacts')).toHaveLength(1);
  });

  it('new-call dials, new-sms opens a message', () => {
    const { dom, command } = setup();
    command({ kind: 'new-call', phoneNumber: '+15551234567' });
    command({ kind: 'new-sms', phoneNumber: '+15551234567', text: 'hi' });
    command({ kind: 'new-sms', phoneNumber: '+1666' });
    expect(dom.posts.map((p) => p.message)).toEqual([
      { type: 'rc-adapter-new-call', phoneNumber: '+15551234567', toCall: true },
      { type: 'rc-adapter-new-sms', phoneNumber: '+15551234567', text: 'hi' },
      { type: 'rc-adapter-new-sms', phoneNumber: '+1666' },
    ]);
  });

  it('reload-widget reloads the iframe so the service registers again', async () => {
    const { dom, api, command } = setup();
    dom.load();
    dom.fromWidget(loginStatus());
    dom.frame.src = 'about:blank';
    command({ kind: 'reload-widget' });
    await vi.waitFor(() => expect(dom.frame.src).toBe(config.widgetUrl));
    expect(api.widget.config).toHaveBeenCalled();
    dom.load();
    dom.fromWidget(loginStatus()); // the new document's first login status
    expect(dom.types().filter((t) => t === 'rc-adapter-register-third-party-service')).toHaveLength(2);
  });

  it('reload-widget with a new widget origin reloads the page (its CSP names the old one)', async () => {
    const { dom, api, command } = setup();
    api.widget.config.mockResolvedValueOnce(ok({ ...config, widgetUrl: 'https://other.example/app.html', widgetOrigin: 'https://other.example' }));
    command({ kind: 'reload-widget' });
    await vi.waitFor(() => expect(dom.window.location.reload).toHaveBeenCalled());
  });

  it('status shows text in the status bar', () => {
    const { command, status } = setup();
    command({ kind: 'status', text: 'Importing a.vcf… 40%' });
    expect(status.show).toHaveBeenCalledWith('Importing a.vcf… 40%');
  });

  it('stop unsubscribes from main and the window', () => {
    const { dom, host, command } = setup();
    host.stop();
    command({ kind: 'new-call', phoneNumber: '+1555' });
    expect(dom.posts).toHaveLength(0);
    expect(dom.window.removeEventListener).toHaveBeenCalled();
  });
});
