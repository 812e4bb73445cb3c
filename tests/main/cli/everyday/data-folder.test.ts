/**
 * The data folder is created on first use (a new machine's first `import` works), and a folder
 * that cannot be made is named in one line, with exit code 1 and no stack trace.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../spawn-cli';

const dir = mkdtempSync(join(tmpdir(), 'cli-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const book = join(dir, 'friends.vcf');
writeFileSync(book, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL:+1 650 555 0123\r\nEND:VCARD\r\n');

describe('cli/data folder', () => {
  it('is created on the first import, several levels deep, and holds the address book', () => {
    const data = join(dir, 'new', 'profile', 'Contacts Softphone');
    const r = spawnCli(['import', book], { SOFTPHONE_USER_DATA: data });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(data, 'contacts.sqlite3'))).toBe(true);
  });

  it('that cannot be created is named in one line, exit 1, no stack trace', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const data = join(blocker, 'Contacts Softphone');
    const r = spawnCli(['import', book], { SOFTPHONE_USER_DATA: data });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: cannot create the data folder ${data} (part of that path is a file, not a folder, ENOTDIR)\n`);
    expect(r.stdout).toBe('');
  });

  it('is not created by a reading verb (an empty book answers)', () => {
    const data = join(dir, 'only-read');
    const r = spawnCli(['--json', 'sources'], { SOFTPHONE_USER_DATA: data });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(existsSync(data)).toBe(false);
  });
});
