/**
 * Child process for two-writers.test.ts: imports argv[3] into the database argv[2] and prints
 * `started` once its import transaction holds the write lock, then `done <ok>`.
 */
import { writeSync } from 'node:fs';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { createContactStore } from '../../../../src/main/contacts/store';

const [dbPath, filePath] = process.argv.slice(2);
if (!dbPath || !filePath) throw new Error('usage: writer-child.ts DB FILE');
const db = openDatabase(dbPath);
let started = false;
const result = importFile(createContactStore({ db }), filePath, {
  chunkSize: 16 * 1024,
  onProgress: () => {
    if (started) return;
    started = true;
    writeSync(1, 'started\n');
  },
});
closeDatabase(db);
writeSync(1, `done ${result.ok}\n`);
