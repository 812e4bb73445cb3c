/**
 * Export of every live contact to one vCard (3.0, via the vCard writer) or CSV (Google's current
 * layout) file. The file is written to a temporary sibling and renamed over the target, so a
 * crash or a full disk never leaves a half-written address book where the user expects one; a
 * temporary file an interrupted export left behind is removed by the next export to that file.
 * Exporting onto a file that is an imported source is refused unless forced: it would replace
 * the user's own address book with the whole store.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ContactDetails } from '../../../shared/contact';
import { fail, ok, type Result } from '../../../shared/result';
import { csvHeader, csvRow, NO_WIDTHS, widen, type CsvWidths } from './csv/writer';
import { writeVcard } from './vcard/writer';

export type ExportFormat = 'vcf' | 'csv';

/** The part of the store an export reads. */
export interface ExportSource {
  allDetails(): Iterable<ContactDetails>;
  listSources(): Array<{ path: string; kind: string }>;
}

export interface ExportOptions {
  /** Write even onto a file that is an imported source (`--force`). */
  force?: boolean;
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

/** The temporary sibling an export by process `pid` writes before renaming it over `target`. */
export const exportTempPath = (target: string, pid = process.pid): string => join(dirname(target), `.${basename(target)}.${pid}.tmp`);

const isRunning = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the temporary files of earlier exports to `target` whose process is gone (killed, crashed). */
function removeStaleTemps(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = name.slice(prefix.length, -'.tmp'.length);
    if (/^\d{1,10}$/.test(pid) && !isRunning(Number(pid))) rmSync(join(dirname(target), name), { force: true });
  }
}

const sameFile = (a: string, b: string): boolean => {
  if (resolve(a) === resolve(b)) return true;
  try {
    // The same file by another name: a symbolic or hard link, another case on macOS and Windows.
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
};

/** Writes all contacts to `path` in `format`. */
export function exportContacts(store: ExportSource, format: ExportFormat, path: string, options: ExportOptions = {}): Result<ExportSummary> {
  const target = resolve(path);
  const source = store.listSources().find((s) => s.kind === 'file' && sameFile(s.path, target));
  if (source && !options.force) {
    return fail(
      'bad-request',
      `${path} is an imported address book (${source.path}): exporting onto it would replace it with every contact; choose another file, or add --force`,
    );
  }
  removeStaleTemps(target);
  const temp = exportTempPath(target);
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
