import { describe, expect, it } from 'vitest';
import { createSearchCache } from './search-cache';

describe('search-cache/createSearchCache', () => {
  it('returns a cached string within five minutes and forgets it after', () => {
    const cache = createSearchCache();
    cache.set('ana', [], 0);
    expect(cache.get('ana', 5 * 60_000)).toEqual([]);
    expect(cache.get('ana', 5 * 60_000 + 1)).toBeUndefined();
    expect(cache.get('bob', 0)).toBeUndefined();
  });
});
