/**
 * The import report is terse by default (counts; the first skips and trims, then how many
 * more; numbers kept as written; how many numbers changed) and complete with `--verbose`;
 * `--json` is the report object itself, the same with or without `--verbose`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatReport } from '../../../../src/main/cli/report';
import type { ImportReport } from '../../../../src/main/contacts/import/importer';
import { cliOn } from '../run-cli';

let dir: string;
let book: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-report-'));
  book = join(dir, 'book.vcf');
  const empty = 'BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n';
  const person = (i: number, tel: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p${i}\r\nFN:Person ${i}\r\nTEL:${tel}\r\nEND:VCARD\r\n`;
  writeFileSync(book, [empty, empty, empty, empty, empty, person(1, '+1 650 555 0101'), person(2, '+1 650 555 0102'), person(3, '08-555 123 45')].join(''));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const cli = cliOn(() => join(dir, 'c.db'), () => dir);
const skip = (line: number) => `  skipped line ${line}: vCard has no name, phone number or email`;
const KEPT = /^ {2}1 number kept as written: .+ \(e\.g\. 08-555 123 45\)$/;
const HEAD = () => `${book} (vcard): 3 added, 0 updated, 0 unchanged, 0 deleted, 5 skipped`;

describe('cli/import report', () => {
  it('is terse by default: counts, the first three skips and how many more, kept numbers, a count of changed numbers', async () => {
    const r = await cli('import', book);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      HEAD(),
      ...[1, 4, 7].map(skip),
      '  … 2 more skipped (--verbose lists them)',
      expect.stringMatching(KEPT),
      '  2 numbers changed (--verbose lists them)',
      '',
    ]);
  });

  it('lists every skip and the changed numbers with --verbose (before or after the verb)', async () => {
    for (const args of [['--verbose', 'import', book], ['import', '-v', book]]) {
      rmSync(join(dir, 'c.db'), { force: true });
      const r = await cli(...args);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')).toEqual([
        HEAD(),
        ...[1, 4, 7, 10, 13].map(skip),
        expect.stringMatching(KEPT),
        '  2 changed numbers: +16505550101 +16505550102',
        '',
      ]);
    }
  });

  it('keeps the --json report exactly as it was, with or without --verbose', async () => {
    const plain = await cli('--json', 'import', book);
    rmSync(join(dir, 'c.db'), { force: true });
    const verbose = await cli('--json', '--verbose', 'import', book);
    expect(verbose.out).toBe(plain.out);
    expect(Object.keys(JSON.parse(plain.out)).sort()).toEqual(
      [
        'added', 'changedNumbers', 'changedNumbersTotal', 'columnsReadByContent', 'deleted', 'format', 'heldBack', 'ignoredColumns', 'notices',
        'numbersKeptAsWritten', 'path', 'region', 'skipped', 'trimmed', 'unchanged', 'updated',
      ].sort(),
    );
    expect(JSON.parse(plain.out).skipped).toHaveLength(5);
  });

  it('renders fields it was not written for (a CSV header column that was not read), so none is hidden', () => {
    const report = {
      path: '/a.csv', format: 'csv', added: 1, updated: 0, unchanged: 0, deleted: 0, skipped: [], trimmed: [],
      changedNumbers: [], changedNumbersTotal: 0, heldBack: null, numbersKeptAsWritten: [], region: null,
      ignoredColumns: ['Birthday', 'Notes'],
      merged: [{ line: 3, reason: 'same UID as line 2' }],
    } as unknown as ImportReport;
    expect(formatReport(report)).toBe(
      '/a.csv (csv): 1 added, 0 updated, 0 unchanged, 0 deleted, 0 skipped\n  ignored columns: Birthday, Notes\n  merged: line 3, reason same UID as line 2\n',
    );
  });
});
