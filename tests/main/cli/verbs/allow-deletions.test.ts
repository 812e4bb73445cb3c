import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rewriteFile } from '../../contacts/helpers';
import { cliOn } from '../run-cli';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-guard-'));
  dbPath = join(dir, 'contacts.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = cliOn(() => dbPath, () => dir);

const rows = (n: number): string => ['Name,Phone', ...Array.from({ length: n }, (_, i) => `Person ${i},+1415${5_000_000 + i}`)].join('\n') + '\n';

describe('cli: deletions held back and --allow-deletions', () => {
  it('sync keeps contacts a shrunken file lost, says how to delete them, and deletes them with --allow-deletions', async () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, rows(50));
    expect((await cli('import', path)).code).toBe(0);
    rewriteFile(path, rows(10));

    const held = await cli('sync');
    expect(held.code).toBe(0);
    expect(held.out).toContain('0 deleted');
    expect(held.out).toContain('deletions held back: 40 contacts of 50 are no longer in the file');
    expect(held.err).toBe(`warning: ${path}: 40 contacts are no longer in the file and were kept; to delete them run: contacts sync --allow-deletions\n`);
    expect(JSON.parse((await cli('--json', 'list')).out)).toHaveLength(50);

    const applied = await cli('sync', '--allow-deletions');
    expect(applied).toMatchObject({ code: 0, err: '' });
    expect(applied.out).toContain('40 deleted');
    expect(JSON.parse((await cli('--json', 'list')).out)).toHaveLength(10);
  });

  it('import holds back the same way and takes --allow-deletions before or after the file', async () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, rows(50));
    await cli('import', path);
    rewriteFile(path, rows(10));
    const held = await cli('--json', 'import', path);
    expect(JSON.parse(held.out)).toMatchObject({ deleted: 0, heldBack: { reason: 'too-many', count: 40 } });
    expect(held.err).toContain(`to delete them run: contacts import --allow-deletions ${path}`);
    expect(JSON.parse((await cli('--json', 'import', path, '--allow-deletions')).out)).toMatchObject({ deleted: 40, heldBack: null });
  });

  it('never deletes on the word of a damaged file, even with --allow-deletions', async () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, rows(50));
    await cli('import', path);
    rewriteFile(path, rows(50).replace('Person 1,', '"Person 1,'));
    const r = await cli('sync', '--allow-deletions');
    expect(r.out).toContain('0 deleted');
    expect(r.err).toContain('kept because the file is damaged');
    expect(JSON.parse((await cli('--json', 'list')).out)).toHaveLength(50);
  });

  it('refuses unknown options and arguments to sync in one line', async () => {
    expect(await cli('sync', '--allow-deletion')).toMatchObject({ code: 2, err: 'error: usage: sync [--allow-deletions]\n' });
    expect(await cli('sync', 'extra')).toMatchObject({ code: 2, err: 'error: usage: sync [--allow-deletions]\n' });
  });
});
