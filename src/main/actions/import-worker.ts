/**
 * Worker-thread entry: runs one import or sync on its own database connection and reports
 * progress and the outcome to main. WAL mode lets main keep answering the widget meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fail, type Result } from '../../shared/result';
import { closeDatabase, openDatabase } from '../contacts/db/open';
import { importFile } from '../contacts/import/importer';
import { syncAllSources } from '../contacts/carddav/all-sources';
import { memorySecrets } from '../contacts/carddav/secrets';
import type { CountryCode } from '../contacts/phone';
import { createContactStore } from '../contacts/store';
import { syncOneBook } from './import-runner';

/** What main hands the worker. */
export interface ImportJob {
  dbPath: string;
  /** The default region; a source's stored region wins over it. */
  region?: CountryCode;
  /** `book`: one CardDAV book, by its source's path. */
  job: { kind: 'import'; path: string; allowDeletions?: boolean; region?: CountryCode } | { kind: 'sync' } | { kind: 'book'; path: string; allowDeletions?: boolean };
  /**
   * CardDAV passwords by secret key, read by main from the keychain (safeStorage is main-only);
   * held in this worker's memory for the one sync, never written anywhere.
   */
  passwords?: Record<string, string>;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; bytesRead: number; totalBytes: number }
  | { type: 'done'; result: Result<unknown> };

async function run(data: ImportJob): Promise<Result<unknown>> {
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
    const options = data.region ? { defaultRegion: data.region, onProgress } : { onProgress };
    if (data.job.kind === 'import') {
      const { allowDeletions, region } = data.job;
      return importFile(store, data.job.path, { ...options, ...(allowDeletions ? { allowDeletions: true } : {}), ...(region ? { region } : {}) });
    }
    const secrets = memorySecrets('the system keychain', data.passwords ?? {});
    if (data.job.kind === 'book') return await syncOneBook({ db, store, secrets, region: data.region }, data.job.path, { allowDeletions: data.job.allowDeletions });
    return await syncAllSources({ db, store, secrets, options });
  } finally {
    closeDatabase(db);
  }
}

void run(workerData as ImportJob)
  .catch((error: unknown) => fail('internal', error instanceof Error ? error.message : String(error)))
  .then((result) => parentPort?.postMessage({ type: 'done', result } satisfies WorkerMessage));
