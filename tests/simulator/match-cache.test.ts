import { describe, expect, it } from 'vitest';
import { numbersToQuery, purgeExpired, storeMatchResult } from './match-cache';

const ttls = { noMatchTtl: 1_000, matchTtl: 10_000 };

describe('match-cache/storeMatchResult', () => {
  it('stores hits under the queried keys and every other queried number as a miss', () => {
    const entries = storeMatchResult({}, ['+1', '+2'], { '+1': [{ id: 'a', type: 'svc' }], '+3': [{ id: 'x' }] }, 5);
    expect(Object.keys(entries).sort()).toEqual(['+1', '+2']);
    expect(entries['+1']).toEqual({ contacts: [{ id: 'a', type: 'svc', entityType: 'svc' }], at: 5 });
    expect(entries['+2']).toEqual({ contacts: [], at: 5 });
  });

  it('caches every queried number as a miss after an error or an empty data', () => {
    for (const data of [undefined, null, {}]) {
      const entries = storeMatchResult({ '+1': { contacts: [{ id: 'old' }], at: 0 } }, ['+1', '+2'], data, 9);
      expect(entries).toEqual({ '+1': { contacts: [], at: 9 }, '+2': { contacts: [], at: 9 } });
    }
  });
});

describe('match-cache/numbersToQuery', () => {
  it('asks again for hits and misses older than the no-match TTL, and for uncached numbers', () => {
    const entries = { fresh: { contacts: [], at: 9_500 }, stale: { contacts: [{ id: 'a' }], at: 8_000 } };
    expect(numbersToQuery(['fresh', 'stale', 'new'], entries, 10_000, ttls)).toEqual(['stale', 'new']);
  });
});

describe('match-cache/purgeExpired', () => {
  it('purges entries older than the match TTL and ignores a zero TTL', () => {
    const entries = { old: { contacts: [], at: 0 }, young: { contacts: [], at: 5_000 } };
    expect(Object.keys(purgeExpired(entries, 12_000, ttls))).toEqual(['young']);
    expect(Object.keys(purgeExpired(entries, 12_000, { ...ttls, matchTtl: 0 }))).toEqual(['old', 'young']);
  });
});
