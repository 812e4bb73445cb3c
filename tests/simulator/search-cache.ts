/**
 * ContactSearch's per-(source, string) result cache: a repeated string within the TTL never
 * reaches the host, which is why database edits can take minutes to show in "To" boxes.
 */
import { SEARCH_CACHE_TTL } from './types';
import type { SearchRow } from './types';

export interface SearchCache {
  /** The cached rows, or undefined when absent or older than the TTL. */
  get(searchString: string, now: number): SearchRow[] | undefined;
  set(searchString: string, rows: SearchRow[], now: number): void;
  size(): number;
}

/** Creates an empty cache; `ttl` defaults to the widget's 5 minutes. */
export function createSearchCache(ttl = SEARCH_CACHE_TTL): SearchCache {
  const entries = new Map<string, { rows: SearchRow[]; at: number }>();
  return {
    get(searchString, now) {
      const entry = entries.get(searchString);
      if (!entry) return undefined;
      if (now - entry.at > ttl) {
        entries.delete(searchString);
        return undefined;
      }
      return entry.rows;
    },
    set(searchString, rows, now) {
      entries.set(searchString, { rows, at: now });
    },
    size: () => entries.size,
  };
}
