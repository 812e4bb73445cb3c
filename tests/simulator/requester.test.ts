import { describe, expect, it } from 'vitest';
import { createRequester } from './requester';

function harness() {
  const posted: Array<Record<string, unknown>> = [];
  const timers: Array<() => void> = [];
  const strays: unknown[] = [];
  let clock = 0;
  const requester = createRequester({
    postToParent: (m) => posted.push(m as Record<string, unknown>),
    newId: () => `id-${posted.length + 1}`,
    setTimer: (fn) => timers.push(fn) - 1,
    clearTimer: () => undefined,
    now: () => clock,
  }, (m) => strays.push(m.responseId));
  return { requester, posted, timers, strays, tick: (ms: number) => (clock += ms) };
}

describe('requester/createRequester', () => {
  it('posts a request envelope to the parent and resolves with the matching response', async () => {
    const { requester, posted, tick } = harness();
    let elapsed: number | null = null;
    const pending = requester.request('/contacts', { page: 1 }, 1_000, (o) => (elapsed = o.elapsedMs));
    expect(posted).toEqual([{ type: 'rc-post-message-request', requestId: 'id-1', path: '/contacts', body: { page: 1 } }]);
    tick(40);
    expect(requester.handleMessage({ type: 'rc-post-message-response', responseId: 'id-1', response: { data: [] } })).toBe(true);
    await expect(pending).resolves.toEqual({ data: [] });
    expect(elapsed).toBe(40);
  });

  it('ignores a response with another type or responseId and one that arrives after the timeout', async () => {
    const { requester, timers, strays } = harness();
    const pending = requester.request('/contacts/view', {}, 3_000);
    expect(requester.handleMessage({ type: 'rc-post-message-reply', responseId: 'id-1', response: 'ok' })).toBe(false);
    expect(requester.handleMessage({ type: 'rc-post-message-response', responseId: 'other', response: 'ok' })).toBe(false);
    timers[0]?.();
    await expect(pending).rejects.toThrow('Time out');
    expect(requester.handleMessage({ type: 'rc-post-message-response', responseId: 'id-1', response: 'ok' })).toBe(false);
    expect(strays).toEqual(['other', 'id-1']);
    expect(requester.pendingCount()).toBe(0);
  });
});
