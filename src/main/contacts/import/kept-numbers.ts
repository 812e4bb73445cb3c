/**
 * The import report's tally of numbers stored as written (no E.164 form), by reason, so a user
 * sees when a region is missing or wrong ("not a valid US number: 12, e.g. 08-555 123 45").
 * One entry per reason: a handful of reasons whatever the file's size.
 */
export interface KeptNumbers {
  reason: string;
  count: number;
  /** The first number kept for this reason, as the file wrote it. */
  example: string;
}

export interface KeptTally {
  note(raw: string, reason: string): void;
  /** Reasons by count, most first. */
  list(): KeptNumbers[];
}

export function createKeptTally(): KeptTally {
  const byReason = new Map<string, KeptNumbers>();
  return {
    note(raw, reason) {
      const entry = byReason.get(reason);
      if (entry) entry.count += 1;
      else byReason.set(reason, { reason, count: 1, example: raw });
    },
    list: () => [...byReason.values()].sort((a, b) => b.count - a.count),
  };
}
