import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSourceWatcher, type SourceWatcher } from '../../../../src/main/contacts/watch/source-watcher';

let dir: string;
let watcher: SourceWatcher | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'source-watch-'));
});
afterEach(() => {
  watcher?.close();
  watcher = null;
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `calls` holds `count` entries, or gives up after a generous while. */
async function until(calls: string[], count: number, limitMs = 8000): Promise<void> {
  for (let waited = 0; calls.length < count && waited < limitMs; waited += 25) await sleep(25);
}

function follow(paths: string[], poll = false, debounceMs = 150) {
  const calls: string[] = [];
  watcher = createSourceWatcher({ onChange: (p) => calls.push(p), debounceMs, pollMs: 100, poll: () => poll });
  watcher.follow(paths);
  return calls;
}

describe.each([false, true])('contacts/watch/createSourceWatcher (polling: %s)', (poll) => {
  it('reports an edit in place once, after the burst of writes settles', async () => {
    const file = join(dir, 'friends.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\n');
    // A quiet time far above the 20 ms between writes: on a loaded machine a 20 ms sleep can
    // take over 150 ms, and the burst would then rightly count as two edits.
    const calls = follow([file], poll, 600);
    await sleep(150);
    for (let i = 0; i < 3; i++) {
      writeFileSync(file, `BEGIN:VCARD\r\nFN:${i}\r\n`);
      await sleep(20);
    }
    await until(calls, 1);
    await sleep(900);
    expect(calls).toEqual([file]);
    expect(watcher!.modes().get(file)).toBe(poll ? 'poll' : 'folder');
  });

  it('follows a save by rename (write a temp file, rename it over the original), and keeps following', async () => {
    const file = join(dir, 'friends.vcf');
    writeFileSync(file, 'one');
    const calls = follow([file], poll);
    await sleep(150);
    writeFileSync(join(dir, '.friends.vcf.swp'), 'two, longer');
    renameSync(join(dir, '.friends.vcf.swp'), file);
    await until(calls, 1);
    expect(calls).toEqual([file]);
    await sleep(300);
    writeFileSync(join(dir, '.friends.vcf.swp'), 'three, longer still');
    renameSync(join(dir, '.friends.vcf.swp'), file);
    await until(calls, 2);
    expect(calls).toEqual([file, file]);
  });

  it('reports a delete, and again when the file is created anew', async () => {
    const file = join(dir, 'friends.vcf');
    writeFileSync(file, 'one');
    const calls = follow([file], poll);
    await sleep(150);
    unlinkSync(file);
    await until(calls, 1);
    expect(calls).toEqual([file]);
    await sleep(300);
    writeFileSync(file, 'back again');
    await until(calls, 2);
    expect(calls).toEqual([file, file]);
  });

  it('ignores other files in the folder and files no longer followed', async () => {
    const a = join(dir, 'a.vcf');
    const b = join(dir, 'b.vcf');
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    const calls = follow([a, b], poll);
    await sleep(150);
    watcher!.follow([a]);
    writeFileSync(join(dir, 'notes.txt'), 'unrelated');
    writeFileSync(b, 'b changed');
    await sleep(700);
    expect(calls).toEqual([]);
    writeFileSync(a, 'a changed');
    await until(calls, 1);
    expect(calls).toEqual([a]);
  });
});

describe('contacts/watch/createSourceWatcher fallback', () => {
  it('polls a file whose folder cannot be watched (it does not exist yet), and sees it appear', async () => {
    const missingDir = join(dir, 'not-yet');
    const file = join(missingDir, 'friends.vcf');
    const calls = follow([file]);
    expect(watcher!.modes().get(file)).toBe('poll');
    await sleep(150);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(missingDir);
    writeFileSync(file, 'hello');
    await until(calls, 1);
    expect(calls).toEqual([file]);
  });
});
