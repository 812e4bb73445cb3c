import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliOn } from '../run-cli';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { dumpDatabase } from '../../contacts/import/db-dump';
import { CORPUS, itWithCorpus } from '../../../support/corpus';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-import-'));
  dbPath = join(dir, 'contacts.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function dump(): string {
  const db = openDatabase(dbPath, { readonly: true });
  try {
    return dumpDatabase(db);
  } finally {
    closeDatabase(db);
  }
}

const cli = cliOn(() => dbPath, () => dir);

describe('cli/verbs/import', () => {
  itWithCorpus('prints one JSON report object for a single file and an array for several', async () => {
    const one = await cli('--json', 'import', join(CORPUS, 'ezvcard_gmail-list.vcf'));
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ format: 'vcard', added: 3, skipped: [] });
    const two = await cli('--json', 'import', join(CORPUS, 'ezvcard_gmail-list.vcf'), join(CORPUS, 'tine20_google_contacts.csv'));
    expect(JSON.parse(two.out)).toMatchObject([{ unchanged: 3 }, { format: 'csv', added: 5 }]);
  });

  itWithCorpus('prints a readable report with the counts', async () => {
    const r = await cli('import', join(CORPUS, 'tine20_google_contacts.csv'));
    expect(r.out).toMatch(/tine20_google_contacts\.csv \(csv\): 5 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped/);
  });

  it('says which CSV columns were ignored, read by their values, and that the file holds vCards', async () => {
    const fixtures = new URL('../../../fixtures/csv/cases/', import.meta.url).pathname;
    const ignored = await cli('--region', 'US', 'import', join(fixtures, 'ignored-columns.csv'));
    expect(ignored.code).toBe(0);
    expect(ignored.out).toContain('  column "Assistant Line" matches no known header; 2 numbers in it imported (type other)\n');
    expect(ignored.out).toContain('  column "Backup Address" matches no known header; 1 email in it imported (type other)\n');
    expect(ignored.out).toContain("  ignored columns: Shoe Size, Custom 7, 1 cell beyond the header's last column\n");
    const mixed = await cli('--json', '--region', 'US', 'import', join(fixtures, 'mixed-vcard.csv'));
    expect(JSON.parse(mixed.out)).toMatchObject({ format: 'csv', added: 3, ignoredColumns: [], columnsReadByContent: [], notices: [expect.stringMatching(/1 vCard between its rows/)] });
  });

  itWithCorpus('exits non-zero with a one-line message for a file that is not an address book and leaves the database as it was', async () => {
    await cli('import', join(CORPUS, 'ezvcard_gmail-list.vcf'));
    const bad = join(dir, 'photo.csv');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const before = dump();
    const r = await cli('import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: .*not an address book.*\n$/);
    expect(r.err.split('\n')).toHaveLength(2);
    expect(dump()).toBe(before);
  });
});

describe('cli/verbs/sources, sync and export', () => {
  itWithCorpus('lists sources, syncs a changed file, and exports a file that imports back', async () => {
    const book = join(dir, 'book.vcf');
    copyFileSync(join(CORPUS, 'ezvcard_gmail-list.vcf'), book);
    await cli('import', book);
    const sources = JSON.parse((await cli('--json', 'sources')).out);
    expect(sources).toMatchObject([{ path: book, format: 'vcard', contactCount: 3 }]);
    expect((await cli('sync')).out).toBe('all sources up to date\n');

    writeFileSync(book, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Only One\r\nEMAIL:one@example.com\r\nEND:VCARD\r\n');
    const synced = JSON.parse((await cli('--json', 'sync')).out);
    expect(synced).toMatchObject({ reports: [{ added: 1, deleted: 3 }], missing: [], failed: [] });

    const out = join(dir, 'out.csv');
    const exported = await cli('export', '--format', 'csv', out);
    expect(exported).toMatchObject({ code: 0, out: `1 contacts written to ${out}\n` });
    expect(readFileSync(out, 'utf8')).toContain('Only One');
    expect((await cli('export', '--format', 'xls', out)).code).toBe(2);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});
