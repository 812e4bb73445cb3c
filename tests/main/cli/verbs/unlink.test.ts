/**
 * `unlink ID`, the real CLI spawned on a real database file: the person splits, the widget's
 * list shows both, and the choice survives importing the files again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../../..');
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), '--db', db, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOFTPHONE_USER_DATA: join(dir, 'userdata') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const names = (): string[] => (JSON.parse(cli('--json', 'list').stdout) as Array<{ name: string }>).map((c) => c.name).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'contacts-unlink-'));
  db = join(dir, 'book.sqlite3');
  writeFileSync(join(dir, 'phone.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:zoe-1\r\nFN:Zoë Åström\r\nTEL;TYPE=CELL:+46 70 123 45 67\r\nEND:VCARD\r\n');
  writeFileSync(join(dir, 'google.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:zoe-2\r\nFN:Zoe Astrom\r\nTEL:+46701234567\r\nEMAIL:zoe@example.se\r\nEND:VCARD\r\n');
  for (const file of ['phone.vcf', 'google.vcf']) expect(cli('import', join(dir, file)).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli/unlink', () => {
  it('splits a person for good, and says what is left', () => {
    expect(names()).toEqual(['Zoë Åström']);
    const id = (JSON.parse(cli('--json', 'search', 'zoe').stdout) as { data: Array<{ id: string }> }).data[0]!.id;
    const r = cli('unlink', id);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/phone\.vcf/);
    expect(r.stdout).toMatch(new RegExp(`unlinked ${id} from \\d+`));
    expect(names()).toEqual(['Zoe Astrom', 'Zoë Åström']);
    writeFileSync(join(dir, 'google.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:zoe-2\r\nFN:Zoe Astrom\r\nTEL:+46701234567\r\nNOTE:changed\r\nEND:VCARD\r\n');
    expect(cli('import', join(dir, 'google.vcf')).code).toBe(0);
    expect(names()).toEqual(['Zoe Astrom', 'Zoë Åström']);
  });

  it('refuses a contact that is not linked, and a bad id, with one line', () => {
    const id = (JSON.parse(cli('--json', 'search', 'zoe').stdout) as { data: Array<{ id: string }> }).data[0]!.id;
    expect(cli('unlink', id).code).toBe(0);
    const again = cli('unlink', id);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`error: contact ${id} is not linked with any other\n`);
    const bad = cli('unlink', 'zoe');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
