/**
 * Two processes importing into one address book: the second waits for the first (BEGIN
 * IMMEDIATE under a busy timeout that covers an import) and, when its timeout is shorter than
 * the first import, fails in one line saying another import is running, changing nothing.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { createContactStore } from '../../../../src/main/contacts/store';
import { dumpDatabase } from '../import/db-dump';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'two-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeLargeVcf(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i += 1) {
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:w-${i}\r\nFN:Person ${i}\r\nTEL:+1415${String(5_000_000 + (i % 1_000_000))}\r\nEND:VCARD\r\n`;
    if (!out.write(card)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Starts the child import and resolves once it holds the write lock. */
function startWriter(dbPath: string, file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/main/contacts/db/writer-child.ts'), dbPath, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('started')) resolve();
    });
    child.once('exit', () => reject(new Error(`writer exited before starting: ${err}`)));
  });
  const done = new Promise<string>((resolve) => child.once('exit', () => resolve(out)));
  return { started, done };
}

describe('two writers', () => {
  it('the second import says another import is running past its timeout, then succeeds by waiting', async () => {
    const dbPath = join(dir, 'book.db');
    closeDatabase(openDatabase(dbPath));
    const big = join(dir, 'big.vcf');
    await writeLargeVcf(big, 50_000);
    const small = join(dir, 'small.vcf');
    writeFileSync(small, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL:+442079460000\r\nEND:VCARD\r\n');

    const first = startWriter(dbPath, big);
    await first.started;
    const impatient = openDatabase(dbPath, { busyTimeoutMs: 200 });
    const before = dumpDatabase(impatient);
    const refused = importFile(createContactStore({ db: impatient }), small);
    expect(refused).toEqual({ ok: false, error: { code: 'import-failed', message: `${small}: another import into this address book is running; try again when it has finished` } });
    expect(dumpDatabase(impatient)).toBe(before);
    closeDatabase(impatient);

    // The default timeout covers the whole first import: this one waits, then imports.
    const patient = openDatabase(dbPath);
    const waited = importFile(createContactStore({ db: patient }), small);
    expect(waited).toMatchObject({ ok: true, value: { added: 1 } });
    expect(await first.done).toContain('done true');
    expect(patient.prepare('SELECT count(*) FROM contacts WHERE deleted = 0').pluck().get()).toBe(50_001);
    closeDatabase(patient);
  });
});
