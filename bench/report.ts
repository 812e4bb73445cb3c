/**
 * Printing results: a table (figure, value, target, verdict) for people, or exactly one JSON
 * object `{ contacts, figures }` for machines.
 */
import { formatTable } from '../src/main/cli/format';
import { round } from './stats';
import type { Figure } from './types';

/** Whether a figure meets its target (null when it has none). */
export function meets(f: Figure): boolean | null {
  if (f.target === null) return null;
  return f.better === 'higher' ? f.value >= f.target : f.value <= f.target;
}

/** The human-readable table: each figure with its target, its verdict and the baseline measured in the same run. */
export function formatReport(contacts: number, figures: readonly Figure[]): string {
  const byName = new Map(figures.map((f) => [f.name, f]));
  const rows = figures.map((f) => {
    const applies = f.targetAt === undefined || f.targetAt === contacts;
    const verdict = applies ? meets(f) : null;
    const target = f.target === null ? '' : `${f.better === 'higher' ? '≥' : '≤'} ${f.target}`;
    const baseline = f.baseline ? byName.get(f.baseline) : undefined;
    return [
      f.name,
      String(round(f.value)),
      f.unit,
      target,
      !applies && f.target !== null ? `(set at ${f.targetAt!.toLocaleString('en-US')})` : verdict === null ? '' : verdict ? 'ok' : 'MISSED',
      baseline ? `${round(baseline.value)} (${baseline.name})` : '',
    ];
  });
  return (
    `Benchmark at ${contacts.toLocaleString('en-US')} contacts\n\n` +
    formatTable(['FIGURE', 'VALUE', 'UNIT', 'TARGET', 'VERDICT', 'BASELINE, SAME RUN'], rows)
  );
}

/** The JSON report: one object. */
export function jsonReport(contacts: number, figures: readonly Figure[]): string {
  return JSON.stringify({
    contacts,
    figures: figures.map((f) => ({ name: f.name, value: round(f.value), unit: f.unit, target: f.target })),
  });
}
