import type { MessageBoxOptions } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContactsActions } from '../../../src/main/actions/contacts-actions';
import { createInlineRunner, type ImportReport, type ImportRunner } from '../../../src/main/actions/import-runner';
import { summarizeImport, type ImportSummary } from '../../../src/main/actions/import-summary';
import { showImportSummary } from '../../../src/main/actions/summary-dialog';
import { closeDatabase, openDatabase } from '../../../src/main/contacts/db/open';
import { createContactStore } from '../../../src/main/contacts/store';
import { fail, ok, type Result } from '../../../src/shared/result';

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  path: '/books/a.vcf',
  format: 'vcard',
  added: 2,
  updated: 1,
  unchanged: 0,
  deleted: 0,
  skipped: [],
  changedNumbers: ['+15551234567'],
  changedNumbersTotal: over.changedNumbers?.length ?? 1,
  heldBack: null,
  trimmed: [],
  numbersKeptAsWritten: [],
  region: null,
  ...over,
});

function setup(runner: Partial<ImportRunner>, chosen: string[] = ['/books/a.vcf'], tracked: string[] = []) {
  const deps = {
    trackedNumbers: vi.fn(() => tracked),
    runner: { importFile: vi.fn(), sync: vi.fn(), ...runner } as ImportRunner,
    chooseFiles: vi.fn(async () => chosen),
    setProgress: vi.fn(),
    sendCommand: vi.fn(),
    showSummary: vi.fn(async (_summary: ImportSummary) => undefined),
    log: vi.fn(),
  };
  return { deps, actions: createContactsActions(deps) };
}

describe('actions/createContactsActions', () => {
  it('imports the chosen files, shows progress, tells the widget and summarises', async () => {
    const { deps, actions } = setup({
      importFile: vi.fn(async (_path: string, onProgress: (r: number, t: number) => void) => {
        onProgress(50, 100);
        onProgress(100, 100);
        return ok(report());
      }),
    });
    await actions.importContacts();
    expect(deps.setProgress).toHaveBeenCalledWith(0.5);
    expect(deps.setProgress).toHaveBeenLastCalledWith(-1);
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: ['+15551234567'] });
    expect(deps.showSummary).toHaveBeenCalledWith(expect.objectContaining({ message: '2 added, 1 updated, 0 deleted, 0 records skipped.', failed: false }));
  });

  it('adds the numbers the widget tracks when a report capped its changed numbers', async () => {
    const capped = report({ changedNumbers: ['+15551234567', '+15550000001'], changedNumbersTotal: 50_000 });
    const { deps, actions } = setup({ importFile: vi.fn(async () => ok(capped)) }, ['/books/a.vcf'], ['+15550000001', '+15559999999']);
    await actions.importContacts();
    expect(deps.sendCommand).toHaveBeenCalledWith({
      kind: 'sync-contacts',
      changedNumbers: ['+15551234567', '+15550000001', '+15559999999'],
    });
  });

  it('sends only the changed numbers when no report was capped', async () => {
    const { deps, actions } = setup({ importFile: vi.fn(async () => ok(report())) }, ['/books/a.vcf'], ['+15559999999']);
    await actions.importContacts();
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: ['+15551234567'] });
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { deps, actions } = setup({}, []);
    await actions.importContacts();
    expect(deps.runner.importFile).not.toHaveBeenCalled();
    expect(deps.showSummary).not.toHaveBeenCalled();
  });

  it('a failed import says why and tells the widget nothing', async () => {
    const { deps, actions } = setup({ importFile: vi.fn(async () => fail('not-an-address-book', '/books/x.txt: not an address book')) });
    await actions.importContacts();
    expect(deps.sendCommand).not.toHaveBeenCalledWith(expect.objectContaining({ kind: 'sync-contacts' }));
    expect(deps.showSummary).toHaveBeenCalledWith(expect.objectContaining({ failed: true, message: 'Import failed: /books/x.txt: not an address book' }));
  });

  it('runs one operation at a time', async () => {
    let release: () => void = () => undefined;
    const { deps, actions } = setup({
      importFile: vi.fn(() => new Promise<Result<ImportReport>>((resolve) => (release = () => resolve(ok(report()))))),
      sync: vi.fn(async () => ok({ reports: [], missing: [], failed: [] })),
    });
    const first = actions.importPaths(['/books/a.vcf']);
    expect(actions.busy()).toBe(true);
    await actions.syncContacts();
    expect(deps.runner.sync).not.toHaveBeenCalled();
    release();
    await first;
    expect(actions.busy()).toBe(false);
  });

  it('sync re-imports changed sources and re-matches their numbers', async () => {
    const { deps, actions } = setup({
      sync: vi.fn(async () => ok({ reports: [report({ added: 0, updated: 0, deleted: 3, changedNumbers: ['+1666'] })], missing: ['/gone.vcf'], failed: [] })),
    });
    await actions.syncContacts();
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: ['+1666'] });
    const summary = deps.showSummary.mock.calls[0]![0];
    expect(summary.detail).toContain('/gone.vcf: file not found; its contacts were kept');
  });

  it('sync reports a source whose re-import failed, and still tells the widget about the others', async () => {
    const { deps, actions } = setup({
      sync: vi.fn(async () =>
        ok({
          reports: [report({ added: 1, updated: 0, deleted: 0, changedNumbers: ['+1777'] })],
          missing: [],
          failed: [{ path: '/broken.vcf', message: '/broken.vcf: not an address book' }],
        }),
      ),
    });
    await actions.syncContacts();
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: ['+1777'] });
    const summary = deps.showSummary.mock.calls[0]![0];
    expect(summary.failed).toBe(true);
    expect(summary.detail).toContain('/broken.vcf: not an address book (nothing from this file was changed)');
  });

  it('a sync started by a file change tells the widget and says what changed in the status line, with no dialog', async () => {
    const { deps, actions } = setup({
      sync: vi.fn(async () => ok({ reports: [report({ added: 0, updated: 1, changedNumbers: ['+1888'] })], missing: [], failed: [] })),
    });
    await actions.syncChangedFiles();
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'sync-contacts', changedNumbers: ['+1888'] });
    expect(deps.sendCommand).toHaveBeenCalledWith({ kind: 'status', text: '/books/a.vcf: 0 added, 1 updated, 0 unchanged, 0 deleted, 0 skipped' });
    expect(deps.showSummary).not.toHaveBeenCalled();
    expect(deps.setProgress).not.toHaveBeenCalledWith(2);
  });

  it('a file change during an import syncs once the import is done', async () => {
    let finish!: () => void;
    const { deps, actions } = setup({
      importFile: vi.fn(() => new Promise<Result<ImportReport>>((resolve) => (finish = () => resolve(ok(report()))))),
      sync: vi.fn(async () => ok({ reports: [], missing: [], failed: [] })),
    });
    const importing = actions.importPaths(['/books/a.vcf']);
    await actions.syncChangedFiles();
    expect(deps.runner.sync).not.toHaveBeenCalled();
    finish();
    await importing;
    expect(deps.runner.sync).toHaveBeenCalledTimes(1);
  });

  it('an up-to-date sync does not disturb the widget', async () => {
    const { deps, actions } = setup({ sync: vi.fn(async () => ok({ reports: [], missing: [], failed: [] })) });
    await actions.syncContacts();
    expect(deps.sendCommand).not.toHaveBeenCalledWith(expect.objectContaining({ kind: 'sync-contacts' }));
    expect(deps.showSummary).toHaveBeenCalledWith(expect.objectContaining({ message: 'Contacts are up to date.' }));
  });
});

describe('actions/summarizeImport', () => {
  it('marks the summary truncated when a report holds fewer numbers than its total', () => {
    const full = summarizeImport('import', [{ path: '/a.vcf', result: ok(report()) }]);
    const capped = summarizeImport('import', [
      { path: '/a.vcf', result: ok(report()) },
      { path: '/b.vcf', result: ok(report({ path: '/b.vcf', changedNumbers: ['+15550000002'], changedNumbersTotal: 2 })) },
    ]);
    expect(full.changedNumbersTruncated).toBe(false);
    expect(capped.changedNumbersTruncated).toBe(true);
  });

  it('lists every skip reason with its file and line', () => {
    const summary = summarizeImport('import', [
      { path: '/a.vcf', result: ok(report({ skipped: [{ line: 12, reason: 'no name and no number' }] })) },
      { path: '/b.csv', result: fail('import-failed', '/b.csv: cannot open (EACCES)') },
    ]);
    expect(summary.skipDetails).toBe('/books/a.vcf:12: no name and no number');
    expect(summary.message).toBe('Import partly failed. 2 added, 1 updated, 0 deleted, 1 record skipped.');
    expect(summary.detail).toContain('/b.csv: cannot open (EACCES) (nothing from this file was changed)');
    expect(summary.title).toBe('Import failed');
  });

  it('says per file which CSV columns were ignored or read by their values, and the file notices', () => {
    const summary = summarizeImport('import', [{
      path: '/b.csv',
      result: ok(report({
        path: '/b.csv', format: 'csv', ignoredColumns: ['Shoe Size', 'Custom 7'], columnsReadByContent: [{ column: 'Assistant Line', numbers: 2, emails: 0 }],
        notices: ['the CSV file also holds 1 vCard between its rows (first at line 3); they were read as vCards'],
      })),
    }]);
    expect(summary.detail.split('\n').slice(1)).toEqual([
      '  the CSV file also holds 1 vCard between its rows (first at line 3); they were read as vCards',
      '  column "Assistant Line" matches no known header; 2 numbers in it imported (type other)',
      '  ignored columns: Shoe Size, Custom 7',
    ]);
  });
});

describe('actions/showImportSummary', () => {
  it('offers "Show details" when records were skipped, and shows them on request', async () => {
    const showMessageBox = vi.fn(async (_options: MessageBoxOptions) => ({ response: 1 }));
    const summary = summarizeImport('import', [{ path: '/a.vcf', result: ok(report({ skipped: [{ line: 3, reason: 'bad' }] })) }]);
    await showImportSummary(showMessageBox, summary);
    expect(showMessageBox.mock.calls[0]![0]).toMatchObject({ buttons: ['OK', 'Show details'] });
    expect(showMessageBox.mock.calls[1]![0]).toMatchObject({ detail: '/books/a.vcf:3: bad' });
  });

  it('offers no details button when nothing was skipped', async () => {
    const showMessageBox = vi.fn(async (_options: MessageBoxOptions) => ({ response: 0 }));
    await showImportSummary(showMessageBox, summarizeImport('import', [{ path: '/a.vcf', result: ok(report()) }]));
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(showMessageBox.mock.calls[0]![0]).toMatchObject({ buttons: ['OK'] });
  });
});

describe('actions/createInlineRunner', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('imports a real vCard into a real database and reports the changed numbers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-import-'));
    dirs.push(dir);
    const file = path.join(dir, 'book.vcf');
    fs.writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL;TYPE=CELL:+1 650 555 0123\r\nEND:VCARD\r\n');
    const db = openDatabase(path.join(dir, 'contacts.sqlite3'));
    try {
      const runner = createInlineRunner({ store: createContactStore({ db }), region: () => 'US' });
      const progress = vi.fn();
      const result = await runner.importFile(file, progress);
      expect(result).toMatchObject({ ok: true, value: { added: 1, changedNumbers: ['+16505550123'] } });
      expect(progress).toHaveBeenCalled();
      const again = await runner.sync(() => undefined);
      expect(again).toEqual({ ok: true, value: { reports: [], missing: [], failed: [] } });
    } finally {
      closeDatabase(db);
    }
  });
});
