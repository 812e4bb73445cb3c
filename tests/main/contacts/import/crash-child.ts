/**
 * Child process for crash-safety.test.ts: imports argv[3] into the database argv[2], printing
 * `progress <bytes> <total>` after every chunk so the parent knows the import is under way
 * before it kills this process with SIGKILL.
 */
import { openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { createContactStore } from '../../../../src/main/contacts/store';
import { writeSync } from 'node:fs';

const [dbPath, filePath] = process.argv.slice(2);
if (!dbPath || !filePath) throw new Error('usage: crash-child.ts DB FILE');
const store = createContactStore({ db: openDatabase(dbPath) });
const result = importFile(store, filePath, {
  chunkSize: 16 * 1024,
  // writeSync: console.log is asynchronous on pipes and would lag behind the import.
  onProgress: (read, total) => writeSync(1, `progress ${read} ${total}\n`),
});
writeSync(1, `done ${JSON.stringify(result.ok)}\n`);
