/**
 * Import and sync reports as a person reads them. Terse by default: the counts, then what the
 * user must know about (skips, trimmed values, numbers kept as written, deletions held back,
 * and any other field the report carries, such as the columns a CSV file's header had that
 * were not read), each list cut to its first few entries. `--verbose` lists everything and the
 * changed numbers. `--json` prints the report objects themselves, never this text.
 */
import type { BookSyncReport } from '../contacts/carddav';
import type { ImportReport } from '../contacts/import/importer';
import { columnLines } from '../contacts/import/report-lines';

/** Entries of a list shown without `--verbose`. */
export const TERSE_LIST = 3;

const plural = (n: number, word: string, plural = `${word}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;

/** Fields every report renders in its own words; any other field is rendered generically. */
const KNOWN = new Set([
  'path', 'format', 'book', 'url', 'mode', 'added', 'updated', 'unchanged', 'deleted', 'skipped', 'trimmed',
  'changedNumbers', 'changedNumbersTotal', 'heldBack', 'numbersKeptAsWritten', 'region',
  // CSV columns and notices about the file, in the words the app uses too (report-lines.ts).
  'notices', 'columnsReadByContent', 'ignoredColumns',
]);

/** `ignoredColumns` → `ignored columns`. */
const words = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** `lines`, or their first TERSE_LIST and one line counting the rest. */
function cut(lines: string[], verbose: boolean, what: string): string[] {
  if (verbose || lines.length <= TERSE_LIST) return lines;
  return [...lines.slice(0, TERSE_LIST), `  … ${plural(lines.length - TERSE_LIST, `more ${what}`, `more ${what}`)} (--verbose lists them)`];
}

/** One value of an unknown field, on one line. */
function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(describe).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${words(k)} ${describe(v)}`)
    .join(', ');
}

/**
 * Fields this module does not know (added to a report after it was written), so no figure a
 * report carries is hidden: a list of strings on one line, a list of objects one per line,
 * a number or text as it is. Empty lists, zeros, false and null say nothing.
 */
function otherFields(report: object, verbose: boolean): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(report)) {
    if (KNOWN.has(key) || value === null || value === undefined || value === false || value === 0) continue;
    if (Array.isArray(value)) {
      if (!value.length) continue;
      if (value.every((v) => typeof v !== 'object' || v === null)) out.push(`  ${words(key)}: ${value.map(String).join(', ')}`);
      else out.push(...cut(value.map((v) => `  ${words(key)}: ${describe(v)}`), verbose, words(key)));
    } else out.push(`  ${words(key)}: ${describe(value)}`);
  }
  return out;
}

function keptLines(kept: ImportReport['numbersKeptAsWritten']): string[] {
  return kept.map((k) => `  ${plural(k.count, 'number')} kept as written: ${k.reason} (e.g. ${k.example})`);
}

function changedLines(r: Pick<ImportReport, 'changedNumbers' | 'changedNumbersTotal'>, verbose: boolean): string[] {
  const total = Math.max(r.changedNumbersTotal, r.changedNumbers.length);
  if (!total) return [];
  if (!verbose) return [`  ${plural(total, 'number')} changed (--verbose lists them)`];
  const count = total > r.changedNumbers.length ? `${total} changed numbers (first ${r.changedNumbers.length})` : plural(total, 'changed number');
  return [`  ${count}: ${r.changedNumbers.join(' ')}`];
}

/** A file's import (or re-import by `sync`). */
export function formatReport(r: ImportReport, verbose = false): string {
  const lines = [
    `${r.path} (${r.format}): ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deleted} deleted, ${r.skipped.length} skipped`,
    ...cut(r.skipped.map((s) => `  skipped line ${s.line}: ${s.reason}`), verbose, 'skipped'),
    ...cut(r.trimmed.map((t) => `  trimmed line ${t.line}: ${t.reason}`), verbose, 'trimmed'),
    ...keptLines(r.numbersKeptAsWritten),
    ...columnLines(r).map((l) => `  ${l}`),
    ...otherFields(r, verbose),
    ...changedLines(r, verbose),
  ];
  if (r.heldBack) lines.push(`  ${r.heldBack.message}`);
  return `${lines.join('\n')}\n`;
}

/** One CardDAV book's sync, like a file's import report. */
export function formatBookReport(r: BookSyncReport, verbose = false): string {
  const lines = [
    `${r.path} (carddav, ${r.mode}): ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deleted} deleted, ${r.skipped.length} skipped`,
    ...cut(r.skipped.map((s) => `  skipped ${s.href}: ${s.reason}`), verbose, 'skipped'),
    ...keptLines(r.numbersKeptAsWritten),
    ...columnLines(r).map((l) => `  ${l}`),
    ...otherFields(r, verbose),
    ...changedLines(r, verbose),
    ...(r.heldBack ? [`  ${r.heldBack.message}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
