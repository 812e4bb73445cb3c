/**
 * The lines of an import report about what the file held beyond its records, as the CLI and the
 * app both print them: notices about the file, CSV columns read by their values, and the columns
 * that were not imported at all.
 */
import type { ImportReport } from './importer';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function columnLines(r: Pick<ImportReport, 'notices' | 'columnsReadByContent' | 'ignoredColumns'>): string[] {
  const lines = [...(r.notices ?? [])];
  for (const c of r.columnsReadByContent ?? []) {
    const what = [c.numbers ? plural(c.numbers, 'number') : '', c.emails ? plural(c.emails, 'email') : ''].filter(Boolean).join(' and ');
    lines.push(`column "${c.column}" matches no known header; ${what} in it imported (type other)`);
  }
  if (r.ignoredColumns?.length) lines.push(`ignored columns: ${r.ignoredColumns.join(', ')}`);
  return lines;
}
