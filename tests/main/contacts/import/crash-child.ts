/**
 * Child process for crash-safety.test.ts: imports argv[3] into the database argv[2] (or, when
 * argv[3] is `sync`, syncs every source), printing `progress <bytes> <total>` after every chunk
 * so the parent knows the import is under way before it kills this process with SIGKILL.
 */
import { openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { syncSources } from '../../../../src/main/contacts/import/sync';
import { createContactStore } from '../../../../src/main/contacts/store';
import { writeSync } from 'node:fs';

const [dbPath, filePath] = process.argv.slice(2);
if (!dbPath || !filePath) throw new Error('usage: crash-child.ts DB FILE|sync');
const store = createContactStore({ db: openDatabase(dbPath) });
const options = {
  chunkSize: 16 * 1024,
  // writeSync: console.log is asynchronous on pipes and would lag behind the import.
  onProgress: (read: number, total: number) => void writeSync(1, `progress ${read} ${total}\n`),
};
const result = filePath === 'sync' ? syncSources(store, options) : importFile(store, filePath, options);
writeSync(1, `done ${JSON.stringify(result.ok)}\n`);
