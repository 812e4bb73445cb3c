/**
 * Where imports run. The importer is synchronous (one transaction per file), so running it on
 * the main thread would freeze every window for the length of a big file. The worker runner
 * (import-worker-runner.ts) runs it in a worker thread with its own database connection (WAL
 * lets main keep reading meanwhile); the inline runner here is the fallback and the test double.
 */
import { fail, ok, type Result } from '../../shared/result';
import type { ImportOptions, ImportReport } from '../contacts/import/importer';
import { importFile } from '../contacts/import/importer';
import { syncSources, type SyncReport as FilesSyncReport, type SyncTarget } from '../contacts/import/sync';
import type { Database } from 'better-sqlite3';
import { createCardDav, type BookSyncReport } from '../contacts/carddav';
import { syncAllSources } from '../contacts/carddav/all-sources';
import type { Secrets } from '../contacts/carddav/secrets';
import type { CountryCode } from '../contacts/phone';
import type { ContactStore } from '../contacts/store';

/** A sync's outcome: the files', plus one report per CardDAV book that synced (failures in `failed`). */
export type SyncReport = FilesSyncReport & { carddav?: BookSyncReport[] };
export type { ImportReport };

export type Progress = (bytesRead: number, totalBytes: number) => void;

/** What a single import may be told beyond its file. */
export interface ImportFileOptions {
  /** The user confirmed deleting the contacts the file no longer holds (deletion-confirm.ts). */
  allowDeletions?: boolean;
  /** Read the file's numbers in this region, and store it with the source (the window's "change region"). */
  region?: CountryCode;
}

/** Runs imports and syncs; resolves, never rejects. */
export interface ImportRunner {
  importFile(path: string, onProgress: Progress, options?: ImportFileOptions): Promise<Result<ImportReport>>;
  sync(onProgress: Progress): Promise<Result<SyncReport>>;
  /** Syncs the one CardDAV book whose source is at `path` (`carddav:…`). */
  syncBook(path: string, options?: ImportFileOptions): Promise<Result<BookSyncReport>>;
}

/** One book's sync over a store (the inline runner's and the worker's). */
export async function syncOneBook(
  deps: { db: Database; store: ContactStore; secrets: Secrets; region?: CountryCode },
  path: string,
  options: ImportFileOptions = {},
): Promise<Result<BookSyncReport>> {
  const source = deps.store.getSource(path);
  if (!source || source.kind !== 'carddav') return fail('not-found', `${path}: no such CardDAV address book`);
  const outcome = await createCardDav(deps).syncSource(source.id, { allowDeletions: options.allowDeletions });
  return outcome.ok ? ok(outcome.report) : fail('import-failed', outcome.message);
}

export interface InlineRunnerDeps {
  store: SyncTarget;
  /** The default region (setting, widget, locale); a source's stored region wins over it. */
  region: () => CountryCode | undefined;
  /** With these, a sync also syncs the CardDAV books. */
  carddav?: { db: Database; store: ContactStore; secrets: Secrets };
}

/** Runs the importer on the calling thread (a yield first lets the dialog that started it close). */
export function createInlineRunner({ store, region, carddav }: InlineRunnerDeps): ImportRunner {
  const options = (onProgress: Progress, extra: ImportFileOptions = {}): ImportOptions => {
    const r = region();
    return {
      ...(r ? { defaultRegion: r } : {}),
      ...(extra.region ? { region: extra.region } : {}),
      ...(extra.allowDeletions ? { allowDeletions: true } : {}),
      onProgress,
    };
  };
  const yieldOnce = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    async importFile(path, onProgress, extra) {
      await yieldOnce();
      return importFile(store, path, options(onProgress, extra));
    },
    async sync(onProgress) {
      await yieldOnce();
      if (carddav) return syncAllSources({ ...carddav, options: options(onProgress) });
      return syncSources(store, options(onProgress));
    },
    async syncBook(path, extra) {
      if (!carddav) return fail('not-found', `${path}: no CardDAV address books here`);
      return syncOneBook({ ...carddav, region: region() }, path, extra);
    },
  };
}

/**
 * Runs jobs on `primary` (the worker) and, when the worker itself fails (cannot start, dies),
 * once more on `fallback` (inline). Safe because a job is one transaction per file: a worker
 * that died rolled its file back. Importer errors (a bad file) are returned as they are.
 */
export function withFallback(primary: ImportRunner, fallback: ImportRunner, log: (message: string) => void): ImportRunner {
  const workerBroke = (result: Result<unknown>): boolean =>
    !result.ok && result.error.code === 'internal' && result.error.message.startsWith('import worker');
  return {
    async importFile(path, onProgress, extra) {
      const result = await primary.importFile(path, onProgress, extra);
      if (!workerBroke(result)) return result;
      log(`${result.ok ? '' : result.error.message}; importing on the main thread instead`);
      return fallback.importFile(path, onProgress, extra);
    },
    async sync(onProgress) {
      const result = await primary.sync(onProgress);
      if (!workerBroke(result)) return result;
      log(`${result.ok ? '' : result.error.message}; syncing on the main thread instead`);
      return fallback.sync(onProgress);
    },
    async syncBook(path, extra) {
      const result = await primary.syncBook(path, extra);
      if (!workerBroke(result)) return result;
      log(`${result.ok ? '' : result.error.message}; syncing on the main thread instead`);
      return fallback.syncBook(path, extra);
    },
  };
}
