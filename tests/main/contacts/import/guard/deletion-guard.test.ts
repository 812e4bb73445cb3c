/**
 * The sync guard on real files and a real database: a damaged file never deletes, and a clean
 * file that would delete too large a share of its source waits for `allowDeletions`.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../../../src/main/contacts/db/open';
import { QUIET_DELETIONS, tooManyDeletions } from '../../../../../src/main/contacts/import/deletion-guard';
import { importFile, type ImportReport } from '../../../../../src/main/contacts/import/importer';
import { syncSources } from '../../../../../src/main/contacts/import/sync';
import { createContactService, type ContactService } from '../../../../../src/main/contacts/service';
import { createContactStore, type ContactStore } from '../../../../../src/main/contacts/store';
import { must, rewriteFile } from '../../helpers';

let dir: string;
let db: Database;
let store: ContactStore;
let service: ContactService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guard-'));
  db = openDatabase(join(dir, 'contacts.db'));
  store = createContactStore({ db });
  service = createContactService({ store, serviceName: 'AddressBook', region: () => 'US' });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const number = (i: number): string => `+1415${String(5_000_000 + i)}`;
const csvRows = (n: number): string[] => ['Name,Phone', ...Array.from({ length: n }, (_, i) => `Person ${i},${number(i)}`)];
const card = (i: number, name = `Person ${i}`): string =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p-${i}\r\nFN:${name}\r\nTEL;TYPE=CELL:${number(i)}\r\nEND:VCARD\r\n`;
const cards = (ids: number[]): string => ids.map((i) => card(i)).join('');
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

const syncOne = (options = {}): ImportReport => {
  const report = must(syncSources(store, options));
  expect(report.failed).toEqual([]);
  expect(report.reports).toHaveLength(1);
  return report.reports[0]!;
};
const matches = (n: string): number => {
  const r = service.match({ phoneNumbers: [n] });
  return r.ok ? (r.value.data[n]?.length ?? 0) : -1;
};

describe('deletion guard: a damaged file never deletes', () => {
  it('keeps all 20,000 contacts when a stray quote in row 2 swallows the rest of a CSV, and says why', () => {
    const path = join(dir, 'Contacts.csv');
    const rows = csvRows(20_000);
    writeFileSync(path, `${rows.join('\n')}\n`);
    expect(must(importFile(store, path)).added).toBe(20_000);
    rows[2] = `"${rows[2]}`;
    rewriteFile(path, `${rows.join('\n')}\n`);

    const r = syncOne();
    expect(r.deleted).toBe(0);
    expect(r.heldBack).toMatchObject({ reason: 'damaged', count: 19_999 });
    expect(r.heldBack!.message).toMatch(/damaged \(line 3: unreadable CSV row: Quote Not Closed/);
    expect(store.countContacts()).toBe(20_000);
    expect(matches(number(19_999))).toBe(1);
    // Held back, the source keeps its old fingerprint: the next sync reads the file again.
    expect(syncOne().heldBack).toMatchObject({ reason: 'damaged', count: 19_999 });
  });

  it('keeps every contact of a vCard truncated to 100 bytes (one card and a BEGIN survive)', () => {
    const path = join(dir, 'Contacts.vcf');
    writeFileSync(path, cards(range(0, 20_000)));
    expect(must(importFile(store, path)).added).toBe(20_000);
    truncateSync(path, 100);

    const r = syncOne();
    expect(r).toMatchObject({ unchanged: 1, deleted: 0, heldBack: { reason: 'damaged', count: 19_999 } });
    expect(r.skipped).toEqual([{ line: 7, reason: 'vCard has no END:VCARD (file truncated?)' }]);
    expect(store.countContacts()).toBe(20_000);
    expect(matches(number(19_999))).toBe(1);
  });

  it('keeps every contact of a vCard reduced to a bare BEGIN:VCARD', () => {
    const path = join(dir, 'Contacts.vcf');
    writeFileSync(path, cards(range(0, 20_000)));
    must(importFile(store, path));
    rewriteFile(path, 'BEGIN:VCARD\r\n');

    const r = syncOne();
    expect(r).toMatchObject({ added: 0, deleted: 0, heldBack: { reason: 'damaged', count: 20_000 } });
    expect(r.heldBack!.message).toBe(
      'deletions held back: the file is damaged (line 1: vCard has no END:VCARD (file truncated?)), so the 20,000 contacts not read from it were kept',
    );
    expect(store.countContacts()).toBe(20_000);
  });

  it('still applies additions and updates from a damaged file, even with allowDeletions', () => {
    const path = join(dir, 'Contacts.vcf');
    writeFileSync(path, cards(range(0, 10)));
    must(importFile(store, path));
    // 0-3 as they were, 4 renamed, 100 new, then a card cut off: 5-9 are not in the read.
    rewriteFile(path, `${cards(range(0, 4))}${card(4, 'Renamed Four')}${card(100)}BEGIN:VCARD\r\nVERSION:3.0\r\nUID:p-5\r\nFN:Per`);
    const r = syncOne({ allowDeletions: true });
    expect(r).toMatchObject({ added: 1, updated: 1, unchanged: 4, deleted: 0, heldBack: { reason: 'damaged', count: 5 } });
    expect(store.countContacts()).toBe(11);
    expect(matches(number(100))).toBe(1);
    expect([...store.allDetails()].map((c) => c.displayName)).toContain('Renamed Four');
  });
});

describe('deletion guard: too many deletions wait for a yes', () => {
  it('uses Android’s threshold: more than 5 and more than 20 % of the source', () => {
    expect(tooManyDeletions(QUIET_DELETIONS, QUIET_DELETIONS)).toBe(false);
    expect(tooManyDeletions(6, 30)).toBe(false);
    expect(tooManyDeletions(7, 30)).toBe(true);
    expect(tooManyDeletions(20_000, 20_000)).toBe(true);
  });

  it('holds back a sync that would delete half of a source until allowDeletions, asking again meanwhile', () => {
    const path = join(dir, 'Contacts.vcf');
    writeFileSync(path, cards(range(0, 20)));
    must(importFile(store, path));
    rewriteFile(path, cards([...range(0, 10), 50]));

    const held = syncOne();
    expect(held).toMatchObject({ added: 1, deleted: 0, heldBack: { reason: 'too-many', count: 10 } });
    expect(held.heldBack!.message).toBe('deletions held back: 10 contacts of 20 are no longer in the file; deleting that many needs confirmation');
    expect(store.countContacts()).toBe(21);
    expect(syncOne()).toMatchObject({ added: 0, unchanged: 11, deleted: 0, heldBack: { reason: 'too-many', count: 10 } });

    const allowed = syncOne({ allowDeletions: true });
    expect(allowed).toMatchObject({ deleted: 10, heldBack: null });
    expect(store.countContacts()).toBe(11);
    expect(matches(number(15))).toBe(0);
    // Applied, the new fingerprint is recorded: nothing left to sync.
    expect(must(syncSources(store)).reports).toEqual([]);
  });

  it('deletes a few contacts, or a small share, without asking', () => {
    const path = join(dir, 'Contacts.vcf');
    writeFileSync(path, cards(range(0, 100)));
    must(importFile(store, path));
    rewriteFile(path, cards(range(0, 80)));
    expect(syncOne()).toMatchObject({ deleted: 20, heldBack: null });
    rewriteFile(path, cards(range(0, 2)));
    expect(must(importFile(store, path))).toMatchObject({ deleted: 0, heldBack: { reason: 'too-many', count: 78 } });
    expect(readFileSync(path, 'utf8')).toContain('UID:p-1');
  });

  it('holds back a CSV emptied to its header line', () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, `${csvRows(20_000).join('\n')}\n`);
    must(importFile(store, path));
    rewriteFile(path, 'Name,Phone\n');
    expect(syncOne()).toMatchObject({ deleted: 0, heldBack: { reason: 'too-many', count: 20_000 } });
    expect(store.countContacts()).toBe(20_000);
  });
});
