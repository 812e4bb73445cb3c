import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

/**
 * The real-file corpus beside the checkout (../shared/corpus/files: CI and the project's
 * machines have it; a plain clone does not). Tests that read it run only where it exists and
 * are otherwise skipped with the reason in their name, so a plain clone passes its own tests.
 */
export const CORPUS = resolve(__dirname, '../../../shared/corpus/files');

/** Why the corpus tests cannot run here, or null. */
export const CORPUS_MISSING: string | null = existsSync(CORPUS)
  ? null
  : `the shared corpus is absent (${CORPUS}): a plain clone has no real-file corpus`;

const skipped = (name: string): string => `${name} — skipped: ${CORPUS_MISSING}`;

/** `it` for a test that reads the corpus. */
export function itWithCorpus(name: string, fn: () => unknown, timeout?: number): void {
  if (CORPUS_MISSING) it.skip(skipped(name), fn);
  else it(name, fn, timeout);
}

/** `describe` for a group whose every test reads the corpus. */
export function describeWithCorpus(name: string, fn: () => void): void {
  if (CORPUS_MISSING) describe.skip(skipped(name), fn);
  else describe(name, fn);
}
