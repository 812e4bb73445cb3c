/**
 * Per-record caps on real files: every value has a bounded length, a contact a bounded number
 * of numbers and emails, and every cut is in the report with the record's line.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../../../src/main/contacts/db/open';
import { MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_VALUES_PER_CONTACT } from '../../../../../src/main/contacts/import/caps';
import { importFile } from '../../../../../src/main/contacts/import/importer';
import { createContactStore, type ContactStore } from '../../../../../src/main/contacts/store';
import { must } from '../../helpers';

let dir: string;
let dbPath: string;
let db: Database;
let store: ContactStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caps-'));
  dbPath = join(dir, 'contacts.db');
  db = openDatabase(dbPath);
  store = createContactStore({ db });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const onlyContact = () => {
  const all = [...store.allDetails()];
  expect(all).toHaveLength(1);
  return all[0]!;
};
async function writeStream(path: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) if (!out.write(part)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

describe('per-record caps (vCard)', () => {
  it('drops five 9 MB TEL values without decoding them, keeps the card, and says so', async () => {
    const path = join(dir, 'huge-tel.vcf');
    const huge = '5'.repeat(9 * 1024 * 1024);
    await writeStream(path, (function* () {
      yield 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Huge Numbers\r\nTEL:+14155550100\r\n';
      for (let i = 0; i < 5; i++) yield `TEL:${huge}\r\n`;
      yield 'END:VCARD\r\n';
    })());
    const report = must(importFile(store, path));
    expect(report).toMatchObject({ added: 1, skipped: [], trimmed: [{ line: 1, reason: '5 numbers longer than 100 characters dropped' }] });
    expect(onlyContact().phones.map((p) => p.e164)).toEqual(['+14155550100']);
    closeDatabase(db);
    expect(statSync(dbPath).size).toBeLessThan(2 * 1024 * 1024);
    db = openDatabase(dbPath);
    store = createContactStore({ db });
  });

  it('cuts a 9 MB FN of escapes to MAX_NAME_CHARS', () => {
    const path = join(dir, 'escapes.vcf');
    writeFileSync(path, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${'\\,'.repeat(4.5 * 1024 * 1024)}\r\nTEL:+14155550100\r\nEND:VCARD\r\n`);
    const report = must(importFile(store, path));
    expect(report.trimmed).toEqual([{ line: 1, reason: 'FN of 9,437,184 bytes cut to 1,024 characters' }]);
    expect(onlyContact().displayName).toBe(','.repeat(MAX_NAME_CHARS));
  });

  it('keeps the first 1,000 of 100,000 TEL lines and reports the rest', async () => {
    const path = join(dir, 'many-tel.vcf');
    await writeStream(path, (function* () {
      yield 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Numbers\r\n';
      for (let i = 0; i < 100_000; i++) yield `TEL:+1415${String(2_000_000 + i)}\r\nEMAIL:p${i}@example.com\r\n`;
      yield 'END:VCARD\r\n';
    })());
    const report = must(importFile(store, path));
    expect(report.trimmed).toEqual([
      { line: 1, reason: '99,000 numbers beyond the first 1,000 dropped' },
      { line: 1, reason: '99,000 emails beyond the first 1,000 dropped' },
    ]);
    const c = onlyContact();
    expect(c.phones).toHaveLength(MAX_VALUES_PER_CONTACT);
    expect(c.emails).toHaveLength(MAX_VALUES_PER_CONTACT);
  });

  it('cuts notes, drops over-long emails and photo URLs, each with a line in the report', () => {
    const path = join(dir, 'long-values.vcf');
    writeFileSync(
      path,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:First\r\nTEL:+14155550100\r\nEND:VCARD\r\n' +
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Values\r\nNOTE:${'n'.repeat(MAX_NOTE_CHARS + 5)}\r\n` +
        `EMAIL:${'e'.repeat(400)}@example.com\r\nEMAIL:ok@example.com\r\nPHOTO;VALUE=uri:https://example.com/${'p'.repeat(2 * 1024 * 1024)}\r\nEND:VCARD\r\n`,
    );
    const report = must(importFile(store, path));
    expect(report.trimmed).toEqual([
      { line: 6, reason: 'NOTE of 100,005 characters cut to 100,000' },
      { line: 6, reason: '1 emails longer than 320 characters dropped' },
      { line: 6, reason: 'photo URL of 2,097,172 characters dropped (over 2,048)' },
    ]);
    const c = [...store.allDetails()].find((d) => d.displayName === 'Long Values')!;
    expect(c.notes).toHaveLength(MAX_NOTE_CHARS);
    expect(c.emails).toEqual(['ok@example.com']);
    expect(c.avatar).toBeNull();
  });
});

describe('per-record caps (CSV)', () => {
  it('cuts a long name cell and keeps 1,000 of 2,000 numbers in one cell, with the row line', () => {
    const path = join(dir, 'caps.csv');
    const numbers = Array.from({ length: 2000 }, (_, i) => `+1415${String(3_000_000 + i)}`).join(' ::: ');
    writeFileSync(path, `Name,Phone\nFirst,+14155550100\n${'N'.repeat(5000)},${numbers}\n`);
    const report = must(importFile(store, path));
    expect(report.trimmed).toEqual([
      { line: 3, reason: 'name of 5,000 characters cut to 1,024' },
      { line: 3, reason: '1,000 numbers beyond the first 1,000 dropped' },
    ]);
  });
});
