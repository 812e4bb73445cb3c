/**
 * Turns import and sync outcomes into what the user sees: a one-line summary, per-file detail,
 * the skip reasons (behind "Show details"), and the numbers the widget must re-match.
 */
import { isBookPath } from './carddav-outcomes';
import type { Result } from '../../shared/result';
import { columnLines } from '../contacts/import/report-lines';
import type { ImportReport } from './import-runner';

export interface ImportSummary {
  title: string;
  /** One line: totals, or why it failed. */
  message: string;
  /** One line per file. */
  detail: string;
  /** Every skipped record with its reason, `file:line: reason`; empty when none. */
  skipDetails: string;
  failed: boolean;
  /** True when the database changed, so the widget must be told. */
  changed: boolean;
  changedNumbers: string[];
  /** True when a report left numbers out (`changedNumbersTotal` above its list): re-match more. */
  changedNumbersTruncated: boolean;
}

export interface FileOutcome {
  path: string;
  result: Result<ImportReport>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const MAX_SKIP_LINES = 500;

/** Summarises the files of one import (or the re-imported files of one sync, plus missing ones). */
export function summarizeImport(kind: 'import' | 'sync', outcomes: FileOutcome[], missing: string[] = []): ImportSummary {
  const reports = outcomes.flatMap((o) => (o.result.ok ? [o.result.value] : []));
  const failures = outcomes.flatMap((o) => (o.result.ok ? [] : [{ path: o.path, message: o.result.error.message }]));
  const total = (key: 'added' | 'updated' | 'deleted' | 'unchanged') => reports.reduce((n, r) => n + r[key], 0);
  const skipped = reports.reduce((n, r) => n + r.skipped.length, 0);
  const held = reports.filter((r) => r.heldBack);
  const kept = held.reduce((n, r) => n + (r.heldBack?.count ?? 0), 0);
  const books = held.filter((r) => isBookPath(r.path)).length;
  const where = books === 0 ? 'in the files' : books === held.length ? 'on the server' : 'in their sources';
  const totals =
    `${total('added')} added, ${total('updated')} updated, ${total('deleted')} deleted, ${plural(skipped, 'record')} skipped` +
    (kept ? `, ${plural(kept, 'contact')} no longer ${where} kept` : '');

  const lines = reports.flatMap((r) => [
    `${r.path}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deleted} deleted, ${r.skipped.length} skipped` +
      (r.heldBack ? `; ${r.heldBack.message}` : ''),
    // Says when to set a region: these numbers are dialled exactly as the file wrote them.
    ...r.numbersKeptAsWritten.map((k) => `  ${plural(k.count, 'number')} kept as written: ${k.reason} (e.g. ${k.example})`),
    // Says what of the file was not imported, or imported by guessing from the values.
    ...columnLines(r).map((l) => `  ${l}`),
  ]);
  for (const f of failures) lines.push(`${f.message} (nothing from this file was changed)`);
  for (const m of missing) lines.push(`${m}: file not found; its contacts were kept`);

  const skipLines = reports.flatMap((r) => [
    ...r.skipped.map((s) => `${r.path}:${s.line}: ${s.reason}`),
    ...r.trimmed.map((t) => `${r.path}:${t.line}: kept, but ${t.reason}`),
  ]);
  const skipDetails =
    skipLines.length > MAX_SKIP_LINES
      ? [...skipLines.slice(0, MAX_SKIP_LINES), `… and ${skipLines.length - MAX_SKIP_LINES} more`].join('\n')
      : skipLines.join('\n');

  const verb = kind === 'import' ? 'Import' : 'Sync';
  let message: string;
  if (failures.length > 0 && reports.length === 0) message = `${verb} failed: ${failures[0]!.message}`;
  else if (kind === 'sync' && reports.length === 0 && failures.length === 0) message = 'Contacts are up to date.';
  else message = `${failures.length > 0 ? `${verb} partly failed. ` : ''}${totals}.`;

  return {
    title: failures.length > 0 ? `${verb} failed` : `${verb} finished`,
    message,
    detail: lines.join('\n'),
    skipDetails,
    failed: failures.length > 0,
    changed: reports.some((r) => r.added + r.updated + r.deleted > 0),
    changedNumbers: [...new Set(reports.flatMap((r) => r.changedNumbers))],
    changedNumbersTruncated: reports.some((r) => r.changedNumbersTotal > r.changedNumbers.length),
  };
}
