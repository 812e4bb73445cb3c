/**
 * Caller ID against our source: the tracked numbers (a simulated call history) are matched
 * through the persistent cache, all stale ones in ONE request; trigger-match re-asks only
 * numbers already tracked, ignoring the cache; a sync refreshes the first 30 tracked.
 */
import { numbersToQuery, purgeExpired, storeMatchResult } from './match-cache';
import type { MatchEntries, MatchTtls } from './match-cache';
import { DEFAULT_MATCH_TTL, DEFAULT_NO_MATCH_TTL, SYNC_REMATCH_LIMIT } from './types';
import type { MatchRequestRecord, WidgetContext } from './widget-state';

export const MATCH_STORAGE_KEY = 'simulator.matches';

export interface Matcher {
  /** Normal matching: uncached or stale tracked numbers. */
  triggerMatch(reason: string): Promise<void>;
  /** `rc-adapter-trigger-contact-match`. */
  triggerContactMatch(phoneNumbers: unknown): Promise<void>;
  /** The limited re-match after `rc-adapter-sync-third-party-contacts`. */
  refreshAfterSync(): Promise<void>;
  track(numbers: string[]): void;
}

/** Reads the persisted cache (it survives widget reloads, as the widget's storage does). */
export function loadMatches(raw: string | null): MatchEntries {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as MatchEntries) : {};
  } catch {
    return {};
  }
}

/** Caller-ID matching against the registered `contactMatchPath`. */
export function createMatcher(ctx: WidgetContext): Matcher {
  const ttls = (): MatchTtls => ({
    noMatchTtl: ctx.state.service?.contactNoMatchTtl ?? DEFAULT_NO_MATCH_TTL,
    matchTtl: ctx.state.service?.contactMatchTtl ?? DEFAULT_MATCH_TTL,
  });

  async function ask(numbers: string[], reason: string): Promise<void> {
    const { state, deps } = ctx;
    const path = state.service?.contactMatchPath;
    if (!path || numbers.length === 0) return;
    const callerIds = Object.fromEntries(numbers.flatMap((n) => (state.callerNames[n] ? [[n, state.callerNames[n]]] : [])));
    const record: MatchRequestRecord = { phoneNumbers: numbers, callerIds, outcome: 'pending', replyKeys: [], reason };
    state.matchRequests.push(record);
    ctx.log('out', '/contacts/match', `${numbers.length} number(s) (${reason})`);
    let data: unknown;
    try {
      const response = await deps.requester.request(path, { phoneNumbers: numbers, callerIds }, deps.timeouts.match);
      ({ data } = response as { data: unknown });
      record.replyKeys = data && typeof data === 'object' ? Object.keys(data) : [];
      record.outcome = record.replyKeys.length > 0 ? 'answered' : 'empty';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      record.outcome = message === 'Time out' ? 'timeout' : 'error';
      ctx.error(`/contacts/match (${reason}) failed: ${message}; ${numbers.length} number(s) cached as misses`);
    }
    state.matches = storeMatchResult(state.matches, numbers, data, deps.now());
    deps.storage.set(MATCH_STORAGE_KEY, JSON.stringify(state.matches));
    deps.onChange();
  }

  const matcher: Matcher = {
    async triggerMatch(reason) {
      const { state, deps } = ctx;
      if (!state.service?.contactMatchPath) return;
      state.matches = purgeExpired(state.matches, deps.now(), ttls());
      await ask(numbersToQuery(state.tracked, state.matches, deps.now(), ttls()), reason);
    },
    async triggerContactMatch(phoneNumbers) {
      if (!Array.isArray(phoneNumbers)) return;
      const tracked = new Set(ctx.state.tracked);
      const valid = phoneNumbers.filter((n): n is string => typeof n === 'string' && tracked.has(n));
      ctx.log('note', 'trigger-match', `${valid.length} of ${phoneNumbers.length} number(s) are tracked`);
      await ask([...new Set(valid)], 'trigger-match');
    },
    async refreshAfterSync() {
      // widget-protocol.md: the first 30 tracked numbers, through the cache.
      const { state, deps } = ctx;
      if (!state.service?.contactMatchPath) return;
      const first = state.tracked.slice(0, SYNC_REMATCH_LIMIT);
      await ask(numbersToQuery(first, state.matches, deps.now(), ttls()), 'sync refresh');
    },
    track(numbers) {
      const known = new Set(ctx.state.tracked);
      for (const n of numbers) if (!known.has(n)) ctx.state.tracked.push(n);
      ctx.deps.onChange();
    },
  };
  return matcher;
}
