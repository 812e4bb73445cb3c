/**
 * Export of every live contact to one vCard (3.0, via the vCard writer) or CSV (Google's current
 * layout) file. The file is written to a temporary sibling and renamed over the target, so a
 * crash or a full disk never leaves a half-written address book where the user expects one.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ContactDetails } from '../../../shared/contact';
import { fail, ok, type Result } from '../../../shared/result';
import { csvHeader, csvRow, NO_WIDTHS, widen, type CsvWidths } from './csv/writer';
import { writeVcard } from './vcard/writer';

export type ExportFormat = 'vcf' | 'csv';

/** The part of the store an export reads. */
export interface ExportSource {
  allDetails(): Iterable<ContactDetails>;
}

export interface ExportSummary {
  path: string;
  format: ExportFormat;
  contacts: number;
}

/** CSV needs the widest row before the header; one cheap pass over the store counts it. */
function widths(store: ExportSource): CsvWidths {
  let w = NO_WIDTHS;
  for (const c of store.allDetails()) w = widen(w, c);
  return w;
}

/** Writes all contacts to `path` in `format`. */
export function exportContacts(store: ExportSource, format: ExportFormat, path: string): Result<ExportSummary> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'w');
    let contacts = 0;
    if (format === 'csv') {
      const w = widths(store);
      writeSync(fd, '\uFEFF' + csvHeader(w));
      for (const c of store.allDetails()) {
        writeSync(fd, csvRow(c, w));
        contacts += 1;
      }
    } else {
      for (const c of store.allDetails()) {
        writeSync(fd, writeVcard(c));
        contacts += 1;
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
    return ok({ path: target, format, contacts });
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    return fail('internal', `${path}: export failed (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
