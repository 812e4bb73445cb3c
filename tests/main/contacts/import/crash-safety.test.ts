import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { createContactStore } from '../../../../src/main/contacts/store';
import { dumpDatabase } from './db-dump';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const CORPUS = join(ROOT, '../shared/corpus/files');
const dir = mkdtempSync(join(tmpdir(), 'import-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeLargeVcf(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i += 1) {
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:crash-${i}\r\nFN:Person ${i}\r\nN:${i};Person;;;\r\nTEL;TYPE=CELL:+1415${String(5550000 + (i % 10000)).padStart(7, '0')}\r\nEMAIL:p${i}@example.com\r\nEND:VCARD\r\n`;
    if (!out.write(card)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Runs crash-child.ts on `target` (a file, or `sync`) and SIGKILLs it a third of the way in. */
async function killMidway(dbPath: string, target: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/main/contacts/import/crash-child.ts'), dbPath, target], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killedAt = await new Promise<{ read: number; total: number }>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      // Wait until a good part is written (pages spilled to the WAL, uncommitted), then kill.
      const lines = buffered.trimEnd().split('\n');
      const m = /progress (\d+) (\d+)/.exec(lines.at(-1) ?? '');
      if (m && Number(m[1]) > Number(m[2]) / 3) {
        child.kill('SIGKILL');
        resolve({ read: Number(m[1]), total: Number(m[2]) });
      }
    });
    child.on('exit', () => reject(new Error(`child exited before reporting progress: ${stderr}`)));
  });
  await new Promise((r) => child.once('exit', r));
  expect(child.signalCode).toBe('SIGKILL');
  expect(killedAt.read).toBeLessThan(killedAt.total);
}

/** The database opens intact and holds exactly what `before` dumped. */
function expectExactly(dbPath: string, before: string): void {
  const after = openDatabase(dbPath);
  try {
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dumpDatabase(after)).toBe(before);
  } finally {
    closeDatabase(after);
  }
}

describe('importer/importFile crash safety', () => {
  it('leaves the database intact and exactly as before when the importing process is killed mid-import', async () => {
    const dbPath = join(dir, 'contacts.db');
    const db = openDatabase(dbPath);
    const base = importFile(createContactStore({ db }), join(CORPUS, 'nodevcf_multiple.vcf'));
    expect(base.ok).toBe(true);
    const before = dumpDatabase(db);
    closeDatabase(db);

    const big = join(dir, 'big.vcf');
    await writeLargeVcf(big, 150_000);
    await killMidway(dbPath, big);
    expectExactly(dbPath, before);
  });

  it('leaves the database exactly as before when a sync of a changed source is killed mid-import', async () => {
    const dbPath = join(dir, 'sync.db');
    const source = join(dir, 'synced.vcf');
    await writeLargeVcf(source, 200);
    const db = openDatabase(dbPath);
    expect(importFile(createContactStore({ db }), source).ok).toBe(true);
    const before = dumpDatabase(db);
    closeDatabase(db);

    // The source grows to 150,000 cards, 200 of them the same, so the killed sync was updating
    // and adding (and would have held nothing back).
    await writeLargeVcf(source, 150_000);
    await killMidway(dbPath, 'sync');

    expectExactly(dbPath, before);
  });
});
