/**
 * The import pipeline: one file → one source, in ONE store transaction. The file is read
 * synchronously in chunks inside `store.importSource`'s fill callback, each chunk goes through
 * the format's reader, each record through `toContactRecord` into `writer.upsert`, so memory is
 * bounded by one record and a failure anywhere (I/O, not an address book) rolls the whole file
 * back: the database is then exactly as it was.
 */
import { closeSync, fstatSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import type { ContactRecord, UpsertOutcome } from '../model';
import type { CountryCode } from '../phone';
import { parseRegion } from '../region';
import type { SourceImportResult, SourceInfo } from '../store/types';
import { createByteReader } from './byte-reader';
import type { ColumnReadByContent } from './events';
import { ANOTHER_IMPORT_RUNNING, isBusyError } from '../db/errors';
import { CsvHeaderError } from './csv/reader';
import { judgeDeletions, type HeldBack } from './deletion-guard';
import { formatFingerprint, sha256OfFd, statPart } from './fingerprint';
import { detectFormat, HEAD_BYTES, type AddressBookFormat } from './format';
import { createKeptTally, type KeptNumbers } from './kept-numbers';
import { KeyCounter } from './key-counter';
import { toContactRecord } from './record';
import { openSourceFile } from './source-file';

export type { HeldBack } from './deletion-guard';

export interface ImportReport {
  path: string;
  format: AddressBookFormat;
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
  skipped: Array<{ line: number; reason: string }>;
  /**
   * Values a per-record cap (caps.ts) cut or dropped from contacts that were imported, with the
   * record's line; listed like skips (at most MAX_LISTED_SKIPS, then one entry counting the rest).
   */
  trimmed: Array<{ line: number; reason: string }>;
  /** Changed E.164 numbers, capped at the store's MAX_CHANGED_NUMBERS. */
  changedNumbers: string[];
  /** How many numbers changed in all (more than `changedNumbers.length` when capped). */
  changedNumbersTotal: number;
  /**
   * Contacts no longer in the file that were NOT deleted, and why (deletion-guard.ts): the file
   * was damaged, or it would delete too large a share of the source without `allowDeletions`.
   * Null when nothing was held back.
   */
  heldBack: HeldBack | null;
  /** Numbers stored as written (no E.164 form), by reason, most frequent first. */
  numbersKeptAsWritten: KeptNumbers[];
  /** The region numbers without a country code were read in (stored with the source); null: none. */
  region?: CountryCode | null;
  /**
   * CSV columns that no header rule maps and whose values were not imported (empty columns are
   * not listed), as the header names them; [] for vCard files.
   */
  ignoredColumns?: string[];
  /** CSV columns no rule maps whose cells plainly were numbers or emails: imported (type other). */
  columnsReadByContent?: ColumnReadByContent[];
  /** What the user must know about the file as a whole (a CSV that also holds vCards). */
  notices?: string[];
}

export interface ImportOptions {
  /** The region to read this file's numbers in: wins over the source's stored one and replaces it. */
  region?: CountryCode;
  /** The region when neither `region` nor the source's stored region says (app setting, locale). */
  defaultRegion?: CountryCode;
  /** After each chunk read; `path` (absolute) tells a sync's files apart. */
  onProgress?: (bytesRead: number, totalBytes: number, path: string) => void;
  chunkSize?: number;
  avatarMaxBytes?: number;
  /**
   * The user confirmed that a large share of the source may be deleted (`--allow-deletions`,
   * the app's dialog). A damaged file still never deletes.
   */
  allowDeletions?: boolean;
}

export type { SourceInfo };

/** The part of the contact store the importer needs (tests may pass a fake). */
export interface ImportTarget {
  importSource(
    info: SourceInfo,
    fill: (writer: { upsert(record: ContactRecord): UpsertOutcome }) => void,
  ): Omit<SourceImportResult, 'sourceId'>;
  /** The source already imported from `path`, for the region stored with it (fakes may omit it). */
  getSource?(path: string): { region: string | null } | null;
}

/** Skips listed one by one; beyond this a garbage file would grow the report without bound. */
export const MAX_LISTED_SKIPS = 1000;

/** A report list of at most MAX_LISTED_SKIPS entries, then one entry counting the rest. */
function createBoundedList(what: string) {
  const items: Array<{ line: number; reason: string }> = [];
  let unlisted = 0;
  let lastLine = 0;
  return {
    items,
    add(line: number, reason: string): void {
      if (items.length < MAX_LISTED_SKIPS) items.push({ line, reason });
      else {
        unlisted += 1;
        lastLine = line;
      }
    },
    close(): void {
      if (unlisted) items.push({ line: lastLine, reason: `${unlisted} more ${what} (not listed)` });
    },
  };
}

/** Thrown inside the fill callback to roll back, carrying the error to report. */
class ImportAbort extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? '' : result.error.message);
  }
}

/**
 * Imports one file into its own source. A failed import returns `fail(...)` and leaves the
 * database untouched; records that cannot be used are skipped and listed in the report.
 */
export function importFile(store: ImportTarget, path: string, options: ImportOptions = {}): Result<ImportReport> {
  const absolute = resolve(path);
  const opened = openSourceFile(path);
  // A missing file is one more failed import here; only sync treats it apart.
  if (!opened.ok) return opened.error.code === 'not-found' ? fail('import-failed', opened.error.message) : opened;
  const { fd, stat } = opened.value;
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    const headLength = readSync(fd, head, 0, head.length, 0);
    const detected = detectFormat(head.subarray(0, headLength), path);
    if (!detected.ok) return detected;
    const chunkSize = Math.max(1024, options.chunkSize ?? 64 * 1024);
    const skipped = createBoundedList('records skipped');
    const trimmed = createBoundedList('values trimmed');
    /** The first structural error of the read: the file cannot be trusted to delete anything. */
    let damage: { line: number; reason: string } | null = null;
    let heldBack: HeldBack | null = null;
    const region = options.region ?? parseRegion(store.getSource?.(absolute)?.region) ?? options.defaultRegion ?? null;
    const info: SourceInfo = {
      path: absolute,
      format: detected.value.format,
      fingerprint: formatFingerprint(stat, sha256OfFd(fd, stat.size)),
      region,
      allowDeletions: (pending) => {
        heldBack = judgeDeletions(pending, { damage, allowDeletions: options.allowDeletions === true });
        return heldBack === null;
      },
    };
    const kept = createKeptTally();
    const notices: string[] = detected.value.notice ? [detected.value.notice] : [];
    let columns: { ignored: string[]; readByContent: ColumnReadByContent[] } = { ignored: [], readByContent: [] };
    const recordOptions = { ...options, region: region ?? undefined, onKeptNumber: kept.note };
    const summary = store.importSource(info, (writer) => {
      const reader = createByteReader(detected.value);
      const keys = new KeyCounter();
      let contacts = 0;
      const consume = (events: ReturnType<typeof reader.write>): void => {
        for (const event of events) {
          if (event.kind === 'notice') {
            notices.push(event.message);
            continue;
          }
          if (event.kind === 'columns') {
            columns = event;
            continue;
          }
          if (event.kind === 'skip') {
            if (event.damaged) damage ??= { line: event.line, reason: event.reason };
            skipped.add(event.line, event.reason);
            continue;
          }
          const mapped = toContactRecord(event.contact, recordOptions);
          if (!mapped.ok) {
            skipped.add(event.contact.line, mapped.reason);
            continue;
          }
          for (const reason of event.trimmed ?? []) trimmed.add(event.contact.line, reason);
          for (const reason of mapped.trimmed ?? []) trimmed.add(event.contact.line, reason);
          const seen = keys.next(mapped.record.sourceKey);
          contacts += 1;
          if (seen > 1) mapped.record.sourceKey = `${mapped.record.sourceKey}#${seen}`;
          writer.upsert(mapped.record);
        }
      };
      const buffer = Buffer.alloc(chunkSize);
      let position = 0;
      // At most the stat'ed size plus one byte: a file that grows while it is read is refused
      // below (size:mtime changed), never read without end.
      while (position <= stat.size) {
        const n = readSync(fd, buffer, 0, chunkSize, position);
        if (n === 0) break;
        position += n;
        const chunk = buffer.subarray(0, n);
        consume(reader.write(Buffer.from(chunk)));
        options.onProgress?.(position, stat.size, absolute);
      }
      consume(reader.end());
      skipped.close();
      trimmed.close();
      if (statPart(fstatSync(fd)) !== statPart(stat)) {
        throw new ImportAbort(fail('import-failed', `${path}: the file changed while it was being imported; try again`));
      }
      if (detected.value.format === 'vcard' && contacts === 0 && skipped.items.length === 0) {
        throw new ImportAbort(fail('not-an-address-book', `${path}: not an address book (no vCard in the file)`));
      }
    });
    return ok({
      path: absolute,
      format: detected.value.format,
      added: summary.added,
      updated: summary.updated,
      unchanged: summary.unchanged,
      deleted: summary.deleted,
      skipped: skipped.items,
      trimmed: trimmed.items,
      changedNumbers: summary.changedNumbers,
      changedNumbersTotal: summary.changedNumbersTotal,
      heldBack,
      numbersKeptAsWritten: kept.list(),
      region,
      ignoredColumns: columns.ignored,
      columnsReadByContent: columns.readByContent,
      notices,
    });
  } catch (e) {
    if (e instanceof ImportAbort) return e.result;
    if (e instanceof CsvHeaderError) return fail('not-an-address-book', `${path}: not an address book (${e.message})`);
    if (isBusyError(e)) return fail('import-failed', `${path}: ${ANOTHER_IMPORT_RUNNING}`);
    const code = (e as NodeJS.ErrnoException).code;
    const why = code ?? (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return fail('import-failed', `${path}: import failed (${why})`);
  } finally {
    closeSync(fd);
  }
}

/** Imports several files, each in its own transaction; one failing does not undo the others. */
export function importFiles(store: ImportTarget, paths: readonly string[], options: ImportOptions = {}): Array<Result<ImportReport>> {
  return paths.map((p) => importFile(store, p, options));
}
