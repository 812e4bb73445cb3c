/**
 * `export` never destroys a source: onto an imported file it is refused (by its path or through a
 * link) unless `--force`; it writes a temporary file and renames it; and the temporary files an
 * interrupted export left behind are removed by the next export to that file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportTempPath } from '../../../../src/main/contacts/import/export';
import { cliOn } from '../run-cli';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-export-'));
  dbPath = join(dir, 'contacts.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(() => dbPath, () => dir);
const BOOK = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Example\r\nTEL:+14155550100\r\nEND:VCARD\r\n';

async function imported(): Promise<string> {
  const path = join(dir, 'friends.vcf');
  writeFileSync(path, BOOK);
  expect((await cli('import', path)).code).toBe(0);
  const other = join(dir, 'more.vcf');
  writeFileSync(other, BOOK.replace('Ann', 'Bob').replace('0100', '0101'));
  expect((await cli('import', other)).code).toBe(0);
  return path;
}

describe('cli/verbs/export', () => {
  it('refuses to export onto an imported file and leaves it as it was', async () => {
    const path = await imported();
    const r = await cli('export', '--format', 'vcf', path);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`error: ${path} is an imported address book (${path}): exporting onto it would replace it with every contact; choose another file, or add --force\n`);
    expect(readFileSync(path, 'utf8')).toBe(BOOK);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses it through a symbolic link to the imported file, and in CSV too', async () => {
    const path = await imported();
    const link = join(dir, 'link.vcf');
    symlinkSync(path, link);
    const r = await cli('export', '--format', 'csv', link);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining('is an imported address book')]);
    expect(readFileSync(path, 'utf8')).toBe(BOOK);
  });

  it('writes onto it with --force', async () => {
    const path = await imported();
    const r = await cli('export', '--force', '--format', 'vcf', path);
    expect([r.code, r.out]).toEqual([0, `2 contacts written to ${path}\n`]);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('FN:Ann Example');
    expect(text).toContain('FN:Bob Example');
  });

  it('exports anywhere else through a temporary file renamed over the target, leaving none behind', async () => {
    await imported();
    const out = join(dir, 'out.vcf');
    writeFileSync(out, 'an older export');
    const before = statSync(out).ino;
    expect((await cli('export', '--format', 'vcf', out)).code).toBe(0);
    // A new file took the old one's name (a rename), rather than the old one being rewritten in place.
    expect(statSync(out).ino).not.toBe(before);
    expect(readFileSync(out, 'utf8').match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temporary file of an interrupted export on the next run, not one still being written', async () => {
    await imported();
    const out = join(dir, 'out.vcf');
    // An export killed half-way leaves its temporary file; its process is gone.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(exportTempPath(out, dead), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half');
    // Another export still running (its process alive) keeps its own.
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(exportTempPath(out, running.pid!), 'in progress');
      writeFileSync(join(dir, '.out.vcf.notes.tmp'), 'not ours');
      expect((await cli('export', '--format', 'vcf', out)).code).toBe(0);
      expect(existsSync(exportTempPath(out, dead))).toBe(false);
      expect(existsSync(exportTempPath(out, running.pid!))).toBe(true);
      expect(existsSync(join(dir, '.out.vcf.notes.tmp'))).toBe(true);
    } finally {
      running.kill();
    }
  });
});
