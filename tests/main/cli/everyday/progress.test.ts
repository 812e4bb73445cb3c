/**
 * The progress line of imports and syncs: on stderr, redrawn in place, only when stderr is a
 * terminal (a real pseudo-terminal through util-linux `script`, and the CLI in-process with a
 * stream that says it is a TTY); nothing when stderr is a pipe.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../../../src/main/cli/progress';
import { cliOn } from '../run-cli';
import { CLI_ARGS, ROOT, spawnCli } from '../spawn-cli';

const dir = mkdtempSync(join(tmpdir(), 'cli-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const book = join(dir, 'big.vcf');
const card = (i: number) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u${i}\r\nFN:Person ${i}\r\nTEL:+1 650 555 ${String(i % 10000).padStart(4, '0')}\r\nEND:VCARD\r\n`;
// About 400 KB: several 64 KB chunks, so the line is drawn more than once.
writeFileSync(book, Array.from({ length: 5000 }, (_, i) => card(i)).join(''));

const hasScript = spawnSync('script', ['--version']).status === 0;
/** Erase to the end of the line (ANSI). */
const ERASE = '\\x1b\\[K';
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('cli/progress line', () => {
  it.skipIf(!hasScript)('is drawn on a terminal during an import and erased before the report (util-linux script is the pty)', () => {
    const out = join(dir, 'stdout.txt');
    const db = join(dir, 'pty.db');
    // stdout to a file, so what `script` records from the terminal is stderr alone.
    const command = [process.execPath, ...CLI_ARGS, '--db', db, 'import', book].map(quote).join(' ') + ` > ${quote(out)}`;
    const tty = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOFTPHONE_USER_DATA: join(dir, 'ud') } });
    expect(tty).toMatch(new RegExp(String.raw`\rimporting big\.vcf: 100% \(0\.\d of 0\.\d MB\)${ERASE}`));
    expect(tty.endsWith('\r\x1b[K')).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/big\.vcf \(vcard\): 5000 added/);
  });

  it('is not written when stderr is a pipe', () => {
    const r = spawnCli(['--db', join(dir, 'pipe.db'), 'import', book], { SOFTPHONE_USER_DATA: join(dir, 'ud') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/5000 added/);
  });

  it('shows a re-imported file during `sync` on a terminal, and nothing through a pipe', async () => {
    const db = join(dir, 'sync.db');
    const onTty = cliOn(() => db, () => dir, { stderr: { isTTY: true, columns: 100 } });
    const piped = cliOn(() => db, () => dir);
    expect((await piped('import', book)).err).toBe('');
    writeFileSync(book, readFileSync(book, 'utf8') + card(99999));
    utimesSync(book, new Date(2026, 0, 2), new Date(2026, 0, 2));
    const r = await onTty('sync');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\rimporting big\.vcf: \d+%/);
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
    expect(r.out).toMatch(/1 added/);
    writeFileSync(book, readFileSync(book, 'utf8') + card(99998));
    utimesSync(book, new Date(2026, 0, 3), new Date(2026, 0, 3));
    expect((await piped('sync')).err).toBe('');
  });

  it('redraws at most every 100 ms, always shows the end, and fits the terminal width', () => {
    const writes: string[] = [];
    let clock = 0;
    const progress = createProgress({ isTTY: true, columns: 50, write: (t: string) => writes.push(t) }, () => clock);
    const url = 'https://dav.example.com/addressbooks/ada/work/';
    progress.book(url, 100, 10_000);
    clock = 50;
    progress.book(url, 200, 10_000);
    clock = 150;
    progress.book(url, 300, 10_000);
    clock = 160;
    progress.book(url, 10_000, 10_000);
    progress.clear();
    expect(writes.map((w) => w.replace(/syncing \S*…\S*: /, 'syncing …: '))).toEqual([
      '\rsyncing …: 100 of 10,000 cards\x1b[K',
      '\rsyncing …: 300 of 10,000 cards\x1b[K',
      '\rsyncing …: 10,000 of 10,000 cards\x1b[K',
      '\r\x1b[K',
    ]);
    expect(writes.slice(0, 3).every((w) => [...w.replace('\r', '').replace('\x1b[K', '')].length <= 49)).toBe(true);
  });
});
