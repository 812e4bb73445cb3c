/**
 * The ImportRunner that runs each job in a worker thread (see import-worker.ts), so the
 * windows stay responsive during a large import. A worker that dies reports an error result.
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { fail, type Result } from '../../shared/result';
import type { CountryCode } from '../contacts/phone';
import type { BookSyncReport } from '../contacts/carddav';
import type { ImportReport, ImportRunner, Progress, SyncReport } from './import-runner';
import type { ImportJob, WorkerMessage } from './import-worker';

export interface WorkerRunnerDeps {
  /** The built worker file (electron-vite `?modulePath`). */
  workerPath: string;
  dbPath: string;
  region: () => CountryCode | undefined;
  createWorker: (path: string, options: WorkerOptions) => Worker;
  /** The CardDAV passwords a sync needs (main reads them from the keychain). */
  passwords?: () => Promise<Record<string, string>>;
}

export function createWorkerRunner(deps: WorkerRunnerDeps): ImportRunner {
  const run = async <T>(job: ImportJob['job'], onProgress: Progress): Promise<Result<T>> => {
    const passwords = job.kind !== 'import' && deps.passwords ? await deps.passwords() : undefined;
    return new Promise((resolve) => {
      const region = deps.region();
      const data: ImportJob = {
        dbPath: deps.dbPath,
        job,
        ...(region ? { region } : {}),
        ...(passwords ? { passwords } : {}),
      };
      let settled = false;
      const settle = (result: Result<T>): void => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      const worker = deps.createWorker(deps.workerPath, { workerData: data });
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(message.bytesRead, message.totalBytes);
        else settle(message.result as Result<T>);
      });
      worker.on('error', (error) => settle(fail('internal', `import worker failed: ${error.message}`)));
      worker.on('exit', (code) => settle(fail('internal', `import worker exited (${code}) without a result`)));
    });
  };
  return {
    importFile: (path, onProgress, extra) =>
      run<ImportReport>({ kind: 'import', path, ...(extra?.allowDeletions ? { allowDeletions: true } : {}), ...(extra?.region ? { region: extra.region } : {}) }, onProgress),
    sync: (onProgress) => run<SyncReport>({ kind: 'sync' }, onProgress),
    syncBook: (path, extra) =>
      run<BookSyncReport>({ kind: 'book', path, ...(extra?.allowDeletions ? { allowDeletions: true } : {}) }, () => undefined),
  };
}
