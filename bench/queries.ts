/**
 * The query mixes the benchmarks replay, drawn deterministically from the generated book:
 * numbers that exist (in the forms the widget sends) plus misses, and substrings of names,
 * companies and numbers of each length.
 */
import type { ContactRecord } from '../src/main/contacts/model';
import { createRandom } from './generate';

export interface QueryPools {
  /** `batches[i]` is one match request's numbers. */
  matchBatches(size: number, count: number): string[][];
  /** Search strings of exactly `length` characters. */
  searches(length: number, count: number): string[];
}

export function queryPools(book: readonly ContactRecord[], seed = 7): QueryPools {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const someNumber = (): string => {
    // Four in five exist; the rest are plausible numbers nobody has.
    if (random() < 0.2) return `+1${Math.floor(2_000_000_000 + random() * 7_000_000_000)}`;
    const phone = pick(pick(book).phones);
    return phone.e164 ?? phone.raw;
  };
  const someText = (): string => {
    const c = pick(book);
    const roll = random();
    if (roll < 0.6) return c.displayName;
    if (roll < 0.75) return c.company ?? c.displayName;
    if (roll < 0.85) return c.emails[0] ?? c.displayName;
    return pick(c.phones).e164 ?? c.displayName;
  };
  return {
    matchBatches: (size, count) => Array.from({ length: count }, () => Array.from({ length: size }, someNumber)),
    searches: (length, count) =>
      Array.from({ length: count }, () => {
        for (;;) {
          const chars = Array.from(someText());
          if (chars.length < length) continue;
          const start = Math.floor(random() * (chars.length - length + 1));
          const s = chars.slice(start, start + length).join('');
          if (s.trim().length === length) return s;
        }
      }),
  };
}
