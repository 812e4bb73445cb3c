import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withFallback, type ImportReport } from '../../../src/main/actions/import-runner';
import { createWorkerRunner } from '../../../src/main/actions/import-worker-runner';
import { fail, ok, type Result } from '../../../src/shared/result';
import { closeDatabase, openDatabase } from '../../../src/main/contacts/db/open';
import { createContactStore } from '../../../src/main/contacts/store';

// The real worker source, compiled on the fly by tsx's require hook (the app runs electron-vite's
// bundle of the same file). Node 20 workers do not take `--import tsx`, hence the eval bootstrap.
const workerPath = path.resolve(__dirname, '../../../src/main/actions/import-worker.ts');
const createWorker = (file: string, options: ConstructorParameters<typeof Worker>[1]) =>
  new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { ...options, eval: true });

describe('actions/createWorkerRunner', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const setup = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-worker-'));
    dirs.push(dir);
    const dbPath = path.join(dir, 'contacts.sqlite3');
    closeDatabase(openDatabase(dbPath)); // main creates and migrates the file before any import
    return { dir, dbPath, runner: createWorkerRunner({ workerPath, dbPath, region: () => 'US', createWorker }) };
  };

  it('imports in a worker thread on its own connection, reporting progress', async () => {
    const { dir, dbPath, runner } = setup();
    const file = path.join(dir, 'book.vcf');
    fs.writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL;TYPE=CELL:+1 650 555 0123\r\nEND:VCARD\r\n');
    const progress = vi.fn();
    const result = await runner.importFile(file, progress);
    expect(result).toMatchObject({ ok: true, value: { added: 1, changedNumbers: ['+16505550123'] } });
    expect(progress).toHaveBeenCalled();
    const db = openDatabase(dbPath);
    try {
      expect(createContactStore({ db }).countContacts()).toBe(1);
    } finally {
      closeDatabase(db);
    }
  });

  it('returns the importer error as data and changes nothing', async () => {
    const { dir, runner } = setup();
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(file, 'just some text\n');
    const result = await runner.importFile(file, () => undefined);
    expect(result.ok).toBe(false);
  });

  it('reports a worker that cannot start as an internal error', async () => {
    const { dbPath } = setup();
    const runner = createWorkerRunner({ workerPath: '/nonexistent/worker.js', dbPath, region: () => undefined, createWorker: (f, o) => new Worker(f, o) });
    expect(await runner.sync(() => undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('actions/withFallback', () => {
  const report = { path: '/a.vcf', format: 'vcard' as const, added: 1, updated: 0, unchanged: 0, deleted: 0, skipped: [], changedNumbers: [], changedNumbersTotal: 0, heldBack: null, trimmed: [], numbersKeptAsWritten: [], region: null };
  const runner = (importResult: Result<ImportReport>) => ({
    importFile: vi.fn(async () => importResult),
    sync: vi.fn(async () => ok({ reports: [], missing: [], failed: [] })),
    syncBook: vi.fn(async () => fail<never>('not-found', 'no book')),
  });

  it('retries on the main thread when the worker itself failed', async () => {
    const primary = runner(fail('internal', 'import worker failed: cannot find module'));
    const fallback = runner(ok(report));
    const log = vi.fn();
    expect(await withFallback(primary, fallback, log).importFile('/a.vcf', () => undefined)).toEqual(ok(report));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('main thread'));
  });

  it('returns an importer error as it is, without a second attempt', async () => {
    const primary = runner(fail('not-an-address-book', '/a.txt: not an address book'));
    const fallback = runner(ok(report));
    expect(await withFallback(primary, fallback, vi.fn()).importFile('/a.txt', () => undefined)).toMatchObject({ ok: false });
    expect(fallback.importFile).not.toHaveBeenCalled();
  });
});
