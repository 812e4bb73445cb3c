/**
 * "Sync" as the user means it: every changed file (import/sync.ts), then every CardDAV book.
 * Shared by the CLI's `sync`, the import worker and the inline runner, so all three report the
 * same shape: the files' SyncReport plus `carddav` (one report per book that synced), with
 * failing books added to `failed` (each left as it was).
 */
import type { Database } from 'better-sqlite3';
import { ok, type Result } from '../../../shared/result';
import { syncSources, type SyncReport } from '../import/sync';
import type { ImportOptions } from '../import/importer';
import type { ContactStore } from '../store/types';
import { createCardDav, type CardDavDeps } from './index';
import { passwordKey, type Secrets } from './secrets';
import type { BookSyncReport } from './sync';

export interface AllSourcesReport extends SyncReport {
  carddav: BookSyncReport[];
}

export interface AllSourcesDeps {
  db: Database;
  store: ContactStore;
  secrets: Secrets;
  options?: ImportOptions;
  http?: CardDavDeps['http'];
  /** Cards fetched so far per book (the files report theirs through `options.onProgress`). */
  onBookProgress?: CardDavDeps['onProgress'];
}

export async function syncAllSources(deps: AllSourcesDeps): Promise<Result<AllSourcesReport>> {
  const files = syncSources(deps.store, deps.options ?? {});
  if (!files.ok) return files;
  const dav = createCardDav({ db: deps.db, store: deps.store, secrets: deps.secrets, region: deps.options?.region ?? deps.options?.defaultRegion, http: deps.http, onProgress: deps.onBookProgress });
  const carddav: BookSyncReport[] = [];
  const failed = [...files.value.failed];
  for (const outcome of await dav.syncAll({ allowDeletions: deps.options?.allowDeletions })) {
    if (outcome.ok) carddav.push(outcome.report);
    else failed.push({ path: outcome.path, message: outcome.message });
  }
  return ok({ ...files.value, failed, carddav });
}

/**
 * The passwords of every account, read where the keychain is (the app's main process) to be
 * handed to the import worker, which cannot reach Electron's safeStorage. Accounts without one
 * are left out; their books then fail with "no password stored".
 */
export async function passwordsFor(db: Database, databaseId: string, secrets: Secrets): Promise<Record<string, string>> {
  const ids = db.prepare('SELECT id FROM carddav_accounts ORDER BY id').pluck().all() as number[];
  const out: Record<string, string> = {};
  for (const id of ids) {
    const key = passwordKey(databaseId, id);
    const password = await secrets.get(key).catch(() => null);
    if (password !== null) out[key] = password;
  }
  return out;
}
