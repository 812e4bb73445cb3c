import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { exportContacts } from '../../../../src/main/contacts/import/export';
import { importFile, importFiles, MAX_LISTED_SKIPS } from '../../../../src/main/contacts/import/importer';
import { syncSources } from '../../../../src/main/contacts/import/sync';
import { createContactStore, type ContactStore } from '../../../../src/main/contacts/store';
import { NO_EXTRAS } from '../../../../src/shared/contact';
import { CORPUS, itWithCorpus } from '../../../support/corpus';
import { must } from '../helpers';
import { dumpDatabase } from './db-dump';

const FIXTURES = new URL('../../../fixtures/csv/', import.meta.url).pathname;

let dir: string;
let db: Database;
let store: ContactStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'importer-'));
  db = openDatabase(join(dir, 'contacts.db'));
  store = createContactStore({ db });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

/** What a person compares: everything but the database ids. */
const contentsOf = (s: ContactStore) =>
  [...s.allDetails()]
    .map(({ id: _id, source: _source, ...rest }) => ({ ...rest, phones: rest.phones.map(({ label: _l, ...p }) => p) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
const card = (name: string, tel: string, uid?: string) =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\n${uid ? `UID:${uid}\r\n` : ''}FN:${name}\r\nTEL;TYPE=CELL:${tel}\r\nEND:VCARD\r\n`;

describe('importer/importFile', () => {
  it('reports added contacts, skipped records with their line, and the changed numbers', () => {
    const path = join(dir, 'book.vcf');
    writeFileSync(path, card('Ann', '+14155550100') + 'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing else\r\nEND:VCARD\r\n' + card('Bob', '+14155550101'));
    const report = must(importFile(store, path));
    expect(report).toMatchObject({ path, format: 'vcard', added: 2, updated: 0, unchanged: 0, deleted: 0 });
    expect(report.skipped).toEqual([{ line: 6, reason: expect.stringMatching(/no name/) }]);
    expect(report.changedNumbers.sort()).toEqual(['+14155550100', '+14155550101']);
  });

  itWithCorpus('reports progress as bytes read of the total, ending at the total', () => {
    const path = join(CORPUS, 'kcontacts_vcard10.vcf');
    const calls: Array<[number, number]> = [];
    must(importFile(store, path, { chunkSize: 1024, onProgress: (read, total) => calls.push([read, total]) }));
    const size = statSync(path).size;
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([read, total], i) => total === size && (i === 0 || read > calls[i - 1]![0]))).toBe(true);
  });

  itWithCorpus('is idempotent: a second import of the same file reports everything unchanged and bumps no revision', () => {
    const path = join(CORPUS, 'nodevcf_multiple.vcf');
    must(importFile(store, path));
    const before = { rev: store.syncState().revision, dump: dumpDatabase(db).replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, '') };
    const second = must(importFile(store, path));
    expect(second).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 3, changedNumbers: [] });
    expect(store.countContacts()).toBe(3);
    expect(store.syncState().revision).toBe(before.rev);
  });

  it('keeps namesakes without a UID apart and stable across re-imports', () => {
    const path = join(dir, 'twins.vcf');
    writeFileSync(path, card('Sam', '+14155550110') + card('Sam', '+14155550111'));
    expect(must(importFile(store, path)).added).toBe(2);
    expect(must(importFile(store, path)).unchanged).toBe(2);
  });

  itWithCorpus('imports several files, one source each', () => {
    const reports = importFiles(store, [join(CORPUS, 'ezvcard_gmail-list.vcf'), join(FIXTURES, 'generic-comma.csv')]).map(must);
    expect(reports.map((r) => [r.format, r.added])).toEqual([['vcard', 3], ['csv', 2]]);
    expect(store.listSources().map((s) => s.contactCount).sort()).toEqual([2, 3]);
  });
});

describe('importer/exportContacts', () => {
  for (const format of ['vcf', 'csv'] as const) {
    itWithCorpus(`round-trips through ${format}: export then import into a fresh database gives the same contacts`, () => {
      for (const f of ['ezvcard_John_Doe_IPHONE.vcf', 'tine20_google_contacts.csv', 'tine20_importtest_outlook2013.csv', 'thunderbird_shiftjis_addressbook.csv', 'nodevcf_multiple.vcf', 'android_v40_sort_as.vcf']) {
        must(importFile(store, join(CORPUS, f)));
      }
      const out = join(dir, `export.${format}`);
      expect(must(exportContacts(store, format, out)).contacts).toBe(store.countContacts());
      const db2 = openDatabase(join(dir, 'fresh.db'));
      try {
        const fresh = createContactStore({ db: db2 });
        const report = must(importFile(fresh, out));
        expect(report.skipped).toEqual([]);
        // The vCard writer has no extra fields yet (branch fields adds them): compared without them.
        const compared = (s: ContactStore) => (format === 'csv' ? contentsOf(s) : contentsOf(s).map((c) => ({ ...c, ...NO_EXTRAS })));
        expect(compared(fresh)).toEqual(compared(store));
      } finally {
        closeDatabase(db2);
      }
    });
  }
});

describe('sync/syncSources', () => {
  it('updates edited contacts in place, adds new ones, tombstones removed ones, and skips untouched files', () => {
    const path = join(dir, 'book.vcf');
    writeFileSync(path, card('Ann', '+14155550100', 'a') + card('Bob', '+14155550101') + card('Cy', '+14155550102'));
    must(importFile(store, path));
    const ids = new Map([...store.allDetails()].map((c) => [c.displayName, c.id]));
    expect(must(syncSources(store)).reports).toEqual([]);

    writeFileSync(path, card('Ann B.', '+14155550109', 'a') + card('Bob', '+14155550199') + card('Dee', '+14155550103'));
    const { reports, missing } = must(syncSources(store));
    expect(missing).toEqual([]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ added: 1, updated: 2, deleted: 1 });
    expect(reports[0]!.changedNumbers.sort()).toEqual(['+14155550100', '+14155550101', '+14155550102', '+14155550103', '+14155550109', '+14155550199']);
    const after = new Map([...store.allDetails()].map((c) => [c.displayName, c.id]));
    expect(after.get('Ann B.')).toBe(ids.get('Ann'));
    expect(after.get('Bob')).toBe(ids.get('Bob'));
    expect(after.has('Cy')).toBe(false);
    expect(store.countContacts()).toBe(3);
  });

  it('ignores sources that are not files (the store helpers\' manual source)', () => {
    store.upsertContacts([{ sourceKey: 'k', displayName: 'Manual', givenName: null, familyName: null, company: null, jobTitle: null, notes: null, avatar: null, phones: [], emails: ['m@example.com'] }]);
    expect(must(syncSources(store))).toEqual({ reports: [], missing: [], failed: [] });
  });

  it('lists a source whose new content fails to import, leaves it as it was, and still syncs the others', () => {
    const bad = join(dir, 'a.vcf');
    const good = join(dir, 'b.vcf');
    writeFileSync(bad, card('Ann', '+14155550100'));
    writeFileSync(good, card('Bob', '+14155550101'));
    must(importFile(store, bad));
    must(importFile(store, good));
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(good, card('Bob', '+14155550101') + card('Cy', '+14155550102'));
    const result = must(syncSources(store));
    expect(result.failed).toEqual([{ path: bad, message: expect.stringMatching(/not an address book/) }]);
    expect(result.reports).toMatchObject([{ path: good, added: 1, unchanged: 1 }]);
    expect([...store.allDetails()].map((c) => c.displayName).sort()).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('does not re-import a file that was touched but not changed', () => {
    const path = join(dir, 'book.vcf');
    writeFileSync(path, card('Ann', '+14155550100'));
    must(importFile(store, path));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    expect(must(syncSources(store)).reports).toEqual([]);
  });

  itWithCorpus('reports a source whose file vanished as missing and keeps its contacts', () => {
    const path = join(dir, 'gone.vcf');
    copyFileSync(join(CORPUS, 'ezvcard_gmail-list.vcf'), path);
    must(importFile(store, path));
    rmSync(path);
    expect(must(syncSources(store))).toEqual({ reports: [], missing: [path], failed: [] });
    expect(store.countContacts()).toBe(3);
  });
});

describe('importer/importFile on bad input', () => {
  const cases: Array<[string, (p: string) => void, RegExp | null]> = [
    ['an empty file', (p) => writeFileSync(p, ''), /not an address book.*empty/],
    ['a binary file', (p) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /not an address book/],
    ['a PNG image', (p) => writeFileSync(p, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)])), /PNG image/],
    ['a spreadsheet (zip)', (p) => writeFileSync(p, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 1)])), /spreadsheet/],
    ['a CSV with no recognisable header', (p) => copyFileSync(join(FIXTURES, 'no-header.csv'), p), /no recognisable CSV header/],
    ['a 10 MB single line', (p) => writeFileSync(p, 'x'.repeat(10 * 1024 * 1024)), /not an address book/],
    ['a vCard-named file without cards', (p) => writeFileSync(p, 'hello\nworld\n'), /not an address book/],
  ];
  for (const [what, make, message] of cases) {
    itWithCorpus(`fails with one clear error and leaves the database unchanged for ${what}`, () => {
      must(importFile(store, join(CORPUS, 'ezvcard_gmail-list.vcf')));
      const before = dumpDatabase(db);
      const path = join(dir, what.includes('vCard') ? 'bad.vcf' : 'bad.csv');
      make(path);
      const result = importFile(store, path);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('not-an-address-book');
        expect(result.error.message).toMatch(message!);
        expect(result.error.message).not.toContain('\n');
      }
      expect(dumpDatabase(db)).toBe(before);
    });
  }

  it('fails without touching the database when the file cannot be opened', () => {
    const before = dumpDatabase(db);
    const result = importFile(store, join(dir, 'missing.vcf'));
    expect(result).toMatchObject({ ok: false, error: { code: 'import-failed' } });
    expect(dumpDatabase(db)).toBe(before);
  });

  itWithCorpus('imports the complete cards of a truncated file and reports the cut one as skipped', () => {
    const whole = readFileSync(join(CORPUS, 'ezvcard_gmail-list.vcf'));
    const path = join(dir, 'truncated.vcf');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.8)));
    const report = must(importFile(store, path));
    expect(report.added).toBe(2);
    expect(report.skipped).toHaveLength(1);
  });

  it('keeps a card whose single line is 10 MB long, reporting the over-long property as a skip', () => {
    const path = join(dir, 'huge-line.vcf');
    writeFileSync(path, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:${'n'.repeat(10 * 1024 * 1024 + 10)}\r\nTEL:+14155550100\r\nEND:VCARD\r\n` + card('After', '+14155550101'));
    const report = must(importFile(store, path));
    expect(report.added).toBe(2);
    expect(report.skipped).toEqual([{ line: 4, reason: expect.any(String) }]);
    expect([...store.allDetails()].map((c) => c.displayName).sort()).toEqual(['After', 'Long Note']);
  });

  it('reads invalid UTF-8 as windows-1252 instead of failing', () => {
    const path = join(dir, 'latin.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('Name,Phone\n'), Buffer.from([0x52, 0x65, 0x6e, 0xe9]), Buffer.from(',+33123456789\n')]));
    must(importFile(store, path));
    expect([...store.allDetails()].map((c) => c.displayName)).toEqual(['René']);
  });

  itWithCorpus('rolls back everything when the store throws mid-import', () => {
    must(importFile(store, join(CORPUS, 'ezvcard_gmail-list.vcf')));
    const before = dumpDatabase(db);
    const path = join(dir, 'many.vcf');
    writeFileSync(path, card('One', '+14155550100') + card('Two', '+14155550101'));
    let calls = 0;
    const failing = {
      importSource: (info: Parameters<ContactStore['importSource']>[0], fill: Parameters<ContactStore['importSource']>[1]) =>
        store.importSource(info, (writer) =>
          fill({
            upsert: (r) => {
              if (++calls === 2) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
              return writer.upsert(r);
            },
          }),
        ),
    };
    const result = importFile(failing, path);
    expect(result).toMatchObject({ ok: false, error: { code: 'import-failed' } });
    expect(dumpDatabase(db)).toBe(before);
  });
});

describe('importer/importFile skip report', () => {
  it('lists at most MAX_LISTED_SKIPS skips and counts the rest in a last entry', () => {
    const path = join(dir, 'empty-rows.csv');
    writeFileSync(path, `Name,Phone\n${'"",n/a\n'.repeat(MAX_LISTED_SKIPS + 5)}Real,+14155550100\n`);
    const report = must(importFile(store, path));
    expect(report.added).toBe(1);
    expect(report.skipped).toHaveLength(MAX_LISTED_SKIPS + 1);
    expect(report.skipped[0]).toEqual({ line: 2, reason: 'no name, number or email' });
    expect(report.skipped.at(-1)).toEqual({ line: MAX_LISTED_SKIPS + 6, reason: '5 more records skipped (not listed)' });
  });
});
