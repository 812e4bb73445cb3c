import { describe, expect, it } from 'vitest';
import { WIDGET_TIMEOUTS } from './types';
import { createWidget } from './widget';

/** A widget wired to an in-memory parent: `posted` holds its requests, `answer` replies. */
function harness(extra: Partial<Parameters<typeof createWidget>[0]> = {}) {
  const posted: Array<Record<string, unknown>> = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let nextTimer = 1;
  let ids = 0;
  const store = new Map<string, string>();
  const widget = createWidget({
    loggedIn: true,
    timeouts: WIDGET_TIMEOUTS,
    postToParent: (m) => posted.push(m as Record<string, unknown>),
    newId: () => `req-${(ids += 1)}`,
    now: () => 1_000,
    setTimer: (fn, ms) => {
      timers.set(nextTimer, { fn, ms });
      return nextTimer++;
    },
    clearTimer: (h) => timers.delete(h as number),
    storage: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
    onChange: () => undefined,
    ...extra,
  });
  const requests = () => posted.filter((m) => m.type === 'rc-post-message-request');
  const answer = (index: number, response: unknown) => {
    const request = requests()[index];
    widget.handleMessage({ type: 'rc-post-message-response', responseId: request?.requestId, response });
  };
  const flush = () => new Promise((r) => setTimeout(r, 0));
  /** Runs every pending timer set for `ms` (the debounce, or one of the request timeouts). */
  const fire = (ms: number) => {
    for (const [id, t] of [...timers]) {
      if (t.ms !== ms) continue;
      timers.delete(id);
      t.fn();
    }
  };
  const service = { name: 'svc', contactsPath: '/contacts', contactMatchPath: '/contacts/match', contactSearchPath: '/contacts/search' };
  return { widget, posted, requests, answer, flush, fire, service, timers };
}

describe('widget/createWidget', () => {
  it('announces a logged-in start as the real widget does: logged out, then logged in after the delay', () => {
    const { widget, posted, fire } = harness();
    widget.start();
    const logins = () => posted.filter((m) => m.type === 'rc-login-status-notify').map((m) => m.loggedIn);
    expect(logins()).toEqual([false]);
    expect(posted.map((m) => m.type)).toContain('rc-adapter-pushAdapterState');
    fire(600);
    expect(logins()).toEqual([false, true]);
    expect(widget.state().loggedIn).toBe(true);
  });

  it('matches the call log at login in stages, sending the names RingCentral knows as callerIds', async () => {
    const callLog = Array.from({ length: 12 }, (_, i) => ({ phoneNumber: `+1650555010${String(i).padStart(2, '0')}`, name: i === 0 ? 'Me' : undefined }));
    const { widget, posted, flush, fire, service } = harness({ callLog });
    widget.start();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service: { ...service, contactsPath: undefined } });
    fire(600);
    const matchRequests = () => posted.filter((m) => m.type === 'rc-post-message-request' && m.path === '/contacts/match');
    for (const stage of [300, 1_200, 3_000]) {
      fire(stage);
      for (const r of matchRequests()) widget.handleMessage({ type: 'rc-post-message-response', responseId: r.requestId, response: { data: {} } });
      await flush();
    }
    const matches = matchRequests().map((r) => r.body as { phoneNumbers: string[]; callerIds: object });
    expect(matches.map((m) => m.phoneNumbers.length)).toEqual([3, 1, 8]);
    expect(matches[0]?.callerIds).toEqual({ '+165055501000': 'Me' });
  });

  it('fails a second registration with contactsPath in one page life and skips the rest of it', async () => {
    const { widget, requests, flush, service } = harness();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service: { displayName: 'no name' } });
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service });
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service: { ...service, name: 'other' } });
    await flush();
    const s = widget.state();
    expect(s.registrations.map((r) => r.accepted)).toEqual([false, true, false]);
    expect(s.service?.name).toBe('svc');
    expect(s.errors).toHaveLength(1);
    expect(requests().filter((r) => r.path === '/contacts')).toHaveLength(1);
  });

  it('drops a sync that arrives while a fetch is in flight', async () => {
    const { widget, requests, answer, flush, service } = harness();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service });
    widget.handleMessage({ type: 'rc-adapter-sync-third-party-contacts' });
    await flush();
    answer(0, { data: [{ id: '1', name: 'A', phoneNumbers: [] }], nextPage: null, syncTimestamp: 't1' });
    await flush();
    const s = widget.state();
    expect(s.fetches.map((f) => f.outcome)).toEqual(['replace', 'dropped']);
    expect(requests().filter((r) => r.path === '/contacts')).toHaveLength(1);
    expect(s.syncTimestamp).toBe('t1');
  });

  it('keeps its list when a later page fails', async () => {
    const { widget, requests, answer, flush, service } = harness();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service });
    await flush();
    answer(0, { data: [{ id: '1', name: 'A', phoneNumbers: [] }], nextPage: null, syncTimestamp: 't1' });
    await flush();
    void widget.refresh();
    await flush();
    answer(1, { data: [{ id: '2', name: 'B', phoneNumbers: [] }], nextPage: 'p2', syncTimestamp: 't2' });
    await flush();
    expect(requests()[2]?.body).toEqual({ page: 'p2', syncTimestamp: 't1', type: 'manual' });
    answer(2, null);
    await flush();
    const s = widget.state();
    expect(s.contacts.map((c) => c.id)).toEqual(['1']);
    expect(s.syncTimestamp).toBe('t1');
    expect(s.fetches.at(-1)?.outcome).toBe('discarded');
  });

  it('re-matches on trigger-match only the numbers it tracks', async () => {
    const { widget, requests, answer, flush, service } = harness();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service: { ...service, contactsPath: undefined } });
    void widget.seedCalls(['+15550001', '+15550002']);
    await flush();
    answer(0, { data: { '+15550001': [{ id: '1', name: 'A', type: 'svc' }] } });
    await flush();
    widget.handleMessage({ type: 'rc-adapter-trigger-contact-match', phoneNumbers: ['+15550002', '+19999999'] });
    await flush();
    expect(requests()[1]?.body).toEqual({ phoneNumbers: ['+15550002'], callerIds: {} });
    expect(widget.state().matches['+15550001']?.contacts[0]).toMatchObject({ name: 'A', entityType: 'svc' });
  });

  it('ignores a response whose responseId matches no pending request', () => {
    const { widget } = harness();
    widget.handleMessage({ type: 'rc-post-message-response', responseId: 'forged', response: { data: [] } });
    expect(widget.state().strayResponses).toEqual([{ responseId: 'forged' }]);
  });

  it('searches only for 3+ characters after the pause, and answers a repeated string from its cache', async () => {
    const { widget, requests, answer, flush, fire, service } = harness();
    widget.login();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service: { ...service, contactsPath: undefined } });
    widget.type('an');
    fire(WIDGET_TIMEOUTS.searchDebounce);
    expect(requests()).toHaveLength(0);
    widget.type('ann');
    expect(requests()).toHaveLength(0);
    fire(WIDGET_TIMEOUTS.searchDebounce);
    expect(requests()[0]?.body).toEqual({ searchString: 'ann' });
    answer(0, { data: [{ id: '1', name: 'Anna', phoneNumbers: [{ phoneNumber: '+1', phoneType: 'mobile' }] }] });
    await flush();
    widget.type('ann');
    fire(WIDGET_TIMEOUTS.searchDebounce);
    await flush();
    expect(requests()).toHaveLength(1);
    expect(widget.state().search).toMatchObject({ done: 'ann', fromCache: true, sent: ['ann'] });
    expect(widget.state().search.rows.map((r) => r.name)).toEqual(['Anna']);
  });

  it('does not search while logged out', () => {
    const { widget, requests, fire, service } = harness();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service });
    widget.logout();
    widget.type('anna');
    fire(WIDGET_TIMEOUTS.searchDebounce);
    expect(requests().filter((r) => r.path === '/contacts/search')).toHaveLength(0);
  });

  it('caches every queried number as a miss when a match times out, and ignores the late answer', async () => {
    const { widget, requests, answer, flush, fire, service } = harness();
    widget.handleMessage({ type: 'rc-adapter-register-third-party-service', service: { ...service, contactsPath: undefined } });
    void widget.seedCalls(['+15550001', '+15550002']);
    fire(WIDGET_TIMEOUTS.match);
    await flush();
    answer(0, { data: { '+15550001': [{ id: '1', name: 'Late' }] } });
    const s = widget.state();
    expect(s.matchRequests[0]?.outcome).toBe('timeout');
    expect(s.matches).toEqual({ '+15550001': { contacts: [], at: 1_000 }, '+15550002': { contacts: [], at: 1_000 } });
    expect(s.strayResponses).toHaveLength(1);
    expect(requests()).toHaveLength(1);
  });
});
