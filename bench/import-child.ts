/**
 * Child process for bench/import.ts: imports one file into a fresh database and prints
 * `{"seconds":…,"peakRssMb":…,"added":…}` so the peak RSS measured is the import's own,
 * not the parent's (which holds generated data).
 */
import { openDatabase, closeDatabase } from '../src/main/contacts/db/open';
import { importFile } from '../src/main/contacts/import/importer';
import { createContactStore } from '../src/main/contacts/store';

const [dbPath, filePath] = process.argv.slice(2);
if (!dbPath || !filePath) throw new Error('usage: import-child.ts DB FILE');
const db = openDatabase(dbPath);
const start = process.hrtime.bigint();
const result = importFile(createContactStore({ db }), filePath);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
closeDatabase(db);
if (!result.ok) throw new Error(result.error.message);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, added: result.value.added })}\n`);
