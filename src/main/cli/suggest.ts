/**
 * "Did you mean …" for a misspelt verb. The edit distance is hand-written: a dozen lines over a
 * dozen short verbs, where a dependency (leven, fastest-levenshtein) would add a package to the
 * app's supply chain for no speed that matters here.
 */

/** Levenshtein distance (insertions, deletions, substitutions), with the rolling one-row table. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}

/**
 * The known words close to `typed`, best first: within two edits (one for words of up to four
 * letters, so `lst` finds `list` but `foo` finds nothing), or starting with at least three of
 * its letters (`sour` → `sources`).
 */
export function suggestions(typed: string, known: readonly string[]): string[] {
  const word = typed.toLowerCase();
  return known
    .map((k) => ({ k, d: editDistance(word, k) }))
    .filter(({ k, d }) => d <= (k.length <= 4 ? 1 : 2) || (word.length >= 3 && k.startsWith(word)))
    .sort((p, q) => p.d - q.d || p.k.localeCompare(q.k))
    .map(({ k }) => k);
}
