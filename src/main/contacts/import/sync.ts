/**
 * Sync: re-import every source whose file changed on disk. Size and mtime are compared first
 * (free); only when they differ is the file hashed, so touching a file without changing it does
 * not re-import it. A source whose file vanished is reported as missing and left as it is: a
 * file on an unplugged drive or a renamed folder must not wipe the user's contacts.
 */
import { closeSync } from 'node:fs';
import { fail, ok, type Result } from '../../../shared/result';
import { sha256OfFd, statPart } from './fingerprint';
import { importFile, type ImportOptions, type ImportReport, type ImportTarget } from './importer';
import { openSourceFile } from './source-file';

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

/**
 * Whether the file's content differs from what the stored `size:mtime:sha256` describes; a
 * path that is no longer a regular file (a FIFO, `/dev/zero` behind a symlink) is refused by
 * `openSourceFile` before any read, so hashing cannot hang. `missing` when it is gone.
 */
export function fileChanged(path: string, fingerprint: string): Result<boolean | 'missing'> {
  const opened = openSourceFile(path);
  if (!opened.ok) return opened.error.code === 'not-found' ? ok('missing') : opened;
  const { fd, stat } = opened.value;
  try {
    if (fingerprint.startsWith(`${statPart(stat)}:`)) return ok(false);
    return ok(sha256OfFd(fd, stat.size) !== fingerprint.split(':')[2]);
  } catch (e) {
    return fail('import-failed', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
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
    const changed = fileChanged(source.path, source.fingerprint);
    if (!changed.ok) {
      failed.push({ path: source.path, message: changed.error.message });
      continue;
    }
    if (changed.value === 'missing') {
      missing.push(source.path);
      continue;
    }
    if (!changed.value) continue;
    const report = importFile(store, source.path, options);
    if (report.ok) reports.push(report.value);
    else failed.push({ path: source.path, message: report.error.message });
  }
  return ok({ reports, missing, failed });
}
