/**
 * The caller-ID cache as the widget's DataMatcher keeps it: one entry per number for our
 * source, hits and misses alike, stamped with the time of the answer. `contactNoMatchTtl`
 * is the age after which ANY entry is asked again; `contactMatchTtl` is when it is purged.
 */
import type { SimContact } from './types';

export interface MatchEntry {
  contacts: SimContact[];
  at: number;
}

export type MatchEntries = Record<string, MatchEntry>;

export interface MatchTtls {
  noMatchTtl: number;
  matchTtl: number;
}

/** Drops entries older than `matchTtl` (a `0` TTL is ignored, as in the widget). */
export function purgeExpired(entries: MatchEntries, now: number, ttls: MatchTtls): MatchEntries {
  if (!ttls.matchTtl) return entries;
  const kept: MatchEntries = {};
  for (const [number, entry] of Object.entries(entries)) {
    if (now - entry.at <= ttls.matchTtl) kept[number] = entry;
  }
  return kept;
}

/** The numbers a normal match trigger sends: uncached, or answered longer ago than `noMatchTtl`. */
export function numbersToQuery(
  numbers: readonly string[],
  entries: MatchEntries,
  now: number,
  ttls: MatchTtls,
): string[] {
  return numbers.filter((n) => {
    const entry = entries[n];
    return !entry || now - entry.at > ttls.noMatchTtl;
  });
}

/**
 * Folds a `/contacts/match` outcome in. `data` is the reply's `data`, or undefined after an
 * error or a timeout. Every queried number gets an entry: the reply's array when it has one,
 * otherwise a miss. An empty or missing `data` makes every number a miss. Hit contacts gain
 * `entityType` (their own, or their `type`), as TPS `matchContacts` does.
 */
export function storeMatchResult(
  entries: MatchEntries,
  queried: readonly string[],
  data: unknown,
  now: number,
): MatchEntries {
  const next: MatchEntries = { ...entries };
  const usable = data !== null && typeof data === 'object' && Object.keys(data).length > 0;
  for (const number of queried) {
    const found = usable ? (data as Record<string, unknown>)[number] : undefined;
    const contacts = Array.isArray(found)
      ? (found as SimContact[]).map((c) => ({ ...c, entityType: c.entityType || c.type }))
      : [];
    next[number] = { contacts, at: now };
  }
  return next;
}
