/**
 * The numbers the widget asked us to match this session (every `/contacts/match` request passes
 * through main). When an import changed more numbers than the store returns
 * (MAX_CHANGED_NUMBERS), the shell re-matches these instead: the widget only re-matches numbers
 * it tracks anyway, and those are exactly the ones it asked about.
 *
 * Bounded: past `cap` the numbers asked about longest ago are dropped; a number asked about
 * again counts as new.
 */
import { z } from 'zod';

/** Default cap: far above what a session's call log and active calls hold. */
export const MAX_TRACKED_NUMBERS = 20_000;

/** Longest number string kept; anything longer is no phone number the widget would track. */
const MAX_NUMBER_LENGTH = 64;

// Only the field we read; the service validates the whole body itself.
const matchBodySchema = z.object({ phoneNumbers: z.array(z.unknown()) });

export interface TrackedNumbers {
  /** Notes the numbers of one `/contacts/match` body; anything malformed is ignored. */
  noteMatchRequest(body: unknown): void;
  /** The tracked numbers, those asked about longest ago first. */
  numbers(): string[];
}

/** Creates an empty tracker holding at most `cap` numbers. */
export function createTrackedNumbers(cap: number = MAX_TRACKED_NUMBERS): TrackedNumbers {
  // A Set keeps insertion order, so its first entry is always the oldest.
  const tracked = new Set<string>();
  const note = (n: string): void => {
    tracked.delete(n);
    tracked.add(n);
    if (tracked.size > cap) tracked.delete(tracked.values().next().value as string);
  };
  return {
    noteMatchRequest(body) {
      const parsed = matchBodySchema.safeParse(body);
      if (!parsed.success) return;
      for (const n of parsed.data.phoneNumbers) {
        if (typeof n === 'string' && n.length > 0 && n.length <= MAX_NUMBER_LENGTH) note(n);
      }
    },
    numbers: () => [...tracked],
  };
}
