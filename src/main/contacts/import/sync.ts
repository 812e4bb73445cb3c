/**
 * Sync: re-import every source whose file changed on disk. Size and mtime are compared first
 * (free); only when they differ is the file hashed, so touching a file without changing it does
 * not re-import it. A source whose file vanished is reported as missing and left as it is: a
 * file on an unplugged drive or a renamed folder must not wipe the user's contacts.
 */
import { closeSync, openSync, statSync } from 'node:fs';
import { fail, ok, type Result } from '../../../shared/result';
import { sha256OfFd, statPart } from './fingerprint';
import { importFile, type ImportOptions, type ImportReport, type ImportTarget } from './importer';

export interface SyncTarget extends ImportTarget {
  listSources(): Array<{ path: string; format: string; fingerprint: string }>;
}

export interface SyncReport {
  reports: ImportReport[];
  /** Sources whose file is gone; their contacts are kept. */
  missing: string[];
  /** Sources whose re-import failed (each rolled back; their contacts are as they were). */
  failed: Array<{ path: string; message: string }>;
}

function sha256Of(path: string): string {
  const fd = openSync(path, 'r');
  try {
    return sha256OfFd(fd);
  } finally {
    closeSync(fd);
  }
}

/** True when the file's content differs from what the stored `size:mtime:sha256` describes. */
export function fileChanged(path: string, fingerprint: string): boolean {
  const stat = statSync(path);
  if (fingerprint.startsWith(`${statPart(stat)}:`)) return false;
  return sha256Of(path) !== fingerprint.split(':')[2];
}

/**
 * Re-imports every changed source, each in its own transaction. A file that fails to re-import
 * is listed in `failed` and the others still sync; `fail` is returned only when the store itself
 * cannot be read.
 */
export function syncSources(store: SyncTarget, options: ImportOptions = {}): Result<SyncReport> {
  let sources: ReturnType<SyncTarget['listSources']>;
  try {
    sources = store.listSources();
  } catch (e) {
    return fail('internal', `cannot list sources (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const reports: ImportReport[] = [];
  const missing: string[] = [];
  const failed: SyncReport['failed'] = [];
  for (const source of sources) {
    // Only file sources: the store's test/bench helpers write to a `manual` source with no file.
    if (source.format !== 'vcard' && source.format !== 'csv') continue;
    let changed: boolean;
    try {
      changed = fileChanged(source.path, source.fingerprint);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        missing.push(source.path);
        continue;
      }
      failed.push({ path: source.path, message: `${source.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
      continue;
    }
    if (!changed) continue;
    // A sync reads each file in the region it was imported with; `region` is only the default
    // for sources that have none (re-import a file with a region to change its own).
    const { region, ...rest } = options;
    const report = importFile(store, source.path, { ...rest, defaultRegion: options.defaultRegion ?? region });
    if (report.ok) reports.push(report.value);
    else failed.push({ path: source.path, message: report.error.message });
  }
  return ok({ reports, missing, failed });
}
