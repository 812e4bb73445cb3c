/**
 * The CLI against real pipes and a real million-contact database: `list | head -1` ends quietly
 * (no EPIPE trace), and `list` of 1,000,000 contacts streams its table page by page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/main/contacts/db/open';
import { runCli } from '../../../src/main/cli/main';
import { CARD_SQL } from '../../../src/main/contacts/store/card';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cli-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const N = 1_000_000;

/** A real address book of `n` contacts, one number each, written with plain SQL (seconds, not minutes). */
function bigBook(path: string, n: number): void {
  closeDatabase(openDatabase(path));
  const db = new Sqlite(path);
  db.exec(`INSERT INTO sources (path, format) VALUES ('/books/big.vcf', 'vcard');
    WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
    INSERT INTO contacts (source_id, source_key, display_name, rev) SELECT 1, 'k' || i, 'Person ' || i, 1 FROM k;
    INSERT INTO phones (contact_id, position, raw, e164, type, match_key, digits)
      SELECT id, 0, '+1415' || (5000000 + id), '+1415' || (5000000 + id), 'mobile', '+1415' || (5000000 + id), '1415' || (5000000 + id) FROM contacts;
    UPDATE contacts SET card = ${CARD_SQL};
    UPDATE meta SET revision = 1;`);
  db.close();
}

const path = join(dir, 'big.db');
bigBook(path, N);

describe('cli on a million contacts', () => {
  it('list streams the whole table in page-sized writes, widths fitting every row', async () => {
    let writes = 0;
    let bytes = 0;
    let lines = 0;
    let first = '';
    let last = '';
    const code = await runCli(['--db', path, 'list'], {
      stdout: {
        write: (t: string) => {
          writes += 1;
          bytes += t.length;
          lines += t.split('\n').length - 1;
          if (!first) first = t;
          last = t;
          return true;
        },
      },
      stderr: { write: () => true },
      env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir },
    });
    expect(code).toBe(0);
    expect(lines).toBe(N + 3);
    expect(writes).toBeGreaterThan(N / 500);
    expect(first.split('\n')[0]).toBe('ID       NAME            COMPANY  NUMBER        TYPE    EMAIL');
    expect(last).toBe(`${N} contacts\n`);
    expect(bytes).toBeGreaterThan(N * 40);
  });

  it('list | head -1 prints the header and ends quietly, with no EPIPE trace', () => {
    const cli = `${JSON.stringify(process.execPath)} --import tsx src/main/cli/main.ts --db ${JSON.stringify(path)} list`;
    const r = spawnSync('/bin/bash', ['-c', `${cli} | head -1; echo "cli exit \${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir },
    });
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+COMPANY/);
    expect(r.stdout.split('\n')[1]).toBe('cli exit 0');
    expect(r.stderr).toBe('');
  });
});
