/**
 * Worker-thread entry: runs one import or sync on its own database connection and reports
 * progress and the outcome to main. WAL mode lets main keep answering the widget meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fail, type Result } from '../../shared/result';
import { closeDatabase, openDatabase } from '../contacts/db/open';
import { importFile } from '../contacts/import/importer';
import { syncSources } from '../contacts/import/sync';
import type { CountryCode } from '../contacts/phone';
import { createContactStore } from '../contacts/store';

/** What main hands the worker. */
export interface ImportJob {
  dbPath: string;
  region?: CountryCode;
  job: { kind: 'import'; path: string; allowDeletions?: boolean } | { kind: 'sync' };
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; bytesRead: number; totalBytes: number }
  | { type: 'done'; result: Result<unknown> };

function run(data: ImportJob): Result<unknown> {
  const db = openDatabase(data.dbPath);
  try {
    const store = createContactStore({ db });
    let lastPercent = -1;
    const onProgress = (bytesRead: number, totalBytes: number): void => {
      const percent = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
      if (percent === lastPercent) return; // a message per percent, not per chunk
      lastPercent = percent;
      parentPort?.postMessage({ type: 'progress', bytesRead, totalBytes } satisfies WorkerMessage);
    };
    const options = data.region ? { region: data.region, onProgress } : { onProgress };
    if (data.job.kind === 'sync') return syncSources(store, options);
    return importFile(store, data.job.path, data.job.allowDeletions ? { ...options, allowDeletions: true } : options);
  } finally {
    closeDatabase(db);
  }
}

let result: Result<unknown>;
try {
  result = run(workerData as ImportJob);
} catch (error) {
  result = fail('internal', error instanceof Error ? error.message : String(error));
}
parentPort?.postMessage({ type: 'done', result } satisfies WorkerMessage);
