import { describe, expect, it, vi } from 'vitest';
import { createContactsFetch } from '../../../src/renderer/widget-host/contacts-fetch';

describe('widget-host/createContactsFetch', () => {
  it('stops deferring syncs when the widget abandoned a fetch between pages', () => {
    let now = 0;
    const sendSync = vi.fn();
    const fetch = createContactsFetch({ sendSync, now: () => now, staleAfterMs: 65_000 });
    fetch.requested('p1');
    fetch.answered('p1', true);
    expect(fetch.inFlight()).toBe(true);
    now = 70_000;
    expect(fetch.inFlight()).toBe(false);
    fetch.sync();
    fetch.requested('p1');
    fetch.answered('p1', false);
    expect(sendSync).toHaveBeenCalledTimes(1);
  });

  it('forgets an old widget fetch on reset', () => {
    const sendSync = vi.fn();
    const fetch = createContactsFetch({ sendSync, now: () => 0 });
    fetch.requested('p1');
    fetch.sync();
    fetch.reset();
    fetch.answered('p1', false);
    expect(sendSync).toHaveBeenCalledTimes(1);
    expect(fetch.inFlight()).toBe(false);
  });
});
