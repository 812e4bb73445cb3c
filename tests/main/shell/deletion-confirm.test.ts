/**
 * The app asks before deleting many contacts a file no longer holds: the decision logic runs
 * here on a real database and real files through the inline runner; only the dialog is injected.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContactsActions } from '../../../src/main/actions/contacts-actions';
import { askDeletionDialog, deletionQuestion, type DeletionQuestion } from '../../../src/main/actions/deletion-confirm';
import { createInlineRunner } from '../../../src/main/actions/import-runner';
import type { ImportSummary } from '../../../src/main/actions/import-summary';
import { closeDatabase, openDatabase, type Database } from '../../../src/main/contacts/db/open';
import { createContactStore, type ContactStore } from '../../../src/main/contacts/store';
import { rewriteFile } from '../contacts/helpers';

let dir: string;
let db: Database;
let store: ContactStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'confirm-'));
  db = openDatabase(join(dir, 'contacts.db'));
  store = createContactStore({ db });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const rows = (n: number): string => ['Name,Phone', ...Array.from({ length: n }, (_, i) => `Person ${i},+1415${5_000_000 + i}`)].join('\n') + '\n';

function setup(answer: boolean) {
  const asked: DeletionQuestion[] = [];
  const summaries: ImportSummary[] = [];
  const actions = createContactsActions({
    runner: createInlineRunner({ store, region: () => 'US' }),
    chooseFiles: async () => [],
    setProgress: () => undefined,
    sendCommand: () => undefined,
    showSummary: async (s) => void summaries.push(s),
    log: () => undefined,
    confirmDeletions: async (q) => {
      asked.push(q);
      return answer;
    },
  });
  return { actions, asked, summaries };
}

describe('actions: confirming held-back deletions', () => {
  it('asks "Delete 20,000 contacts that are no longer in Contacts.csv?" on sync and deletes them on yes', async () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, rows(20_000));
    const { actions, asked, summaries } = setup(true);
    await actions.importPaths([path]);
    expect(asked).toEqual([]);
    rewriteFile(path, 'Name,Phone\n');
    await actions.syncContacts();
    expect(asked.map((q) => q.message)).toEqual(['Delete 20,000 contacts that are no longer in Contacts.csv?']);
    expect(store.countContacts()).toBe(0);
    expect(summaries.at(-1)!.message).toBe('0 added, 0 updated, 20000 deleted, 0 records skipped.');
  });

  it('keeps them on no, and the summary says they were kept', async () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, rows(30));
    const { actions, asked, summaries } = setup(false);
    await actions.importPaths([path]);
    rewriteFile(path, rows(3));
    await actions.importPaths([path]);
    expect(asked.map((q) => q.count)).toEqual([27]);
    expect(store.countContacts()).toBe(30);
    expect(summaries.at(-1)!.message).toBe('0 added, 0 updated, 0 deleted, 0 records skipped, 27 contacts no longer in the files kept.');
    expect(summaries.at(-1)!.detail).toContain('deletions held back: 27 contacts of 30 are no longer in the file');
  });

  it('never asks about a damaged file', async () => {
    const path = join(dir, 'Contacts.csv');
    writeFileSync(path, rows(30));
    const { actions, asked } = setup(true);
    await actions.importPaths([path]);
    rewriteFile(path, rows(30).replace('Person 1,', '"Person 1,'));
    await actions.syncContacts();
    expect(asked).toEqual([]);
    expect(store.countContacts()).toBe(30);
  });

  it('the dialog defaults to keeping them and names the count on the delete button', async () => {
    const question = deletionQuestion({
      path: '/books/Contacts.csv', format: 'csv', added: 0, updated: 0, unchanged: 0, deleted: 0, skipped: [], changedNumbers: [], changedNumbersTotal: 0, trimmed: [], numbersKeptAsWritten: [],
      heldBack: { count: 1, reason: 'too-many', message: '' },
    })!;
    expect(question.message).toBe('Delete 1 contact that is no longer in Contacts.csv?');
    const show = vi.fn(async () => ({ response: 0 }));
    expect(await askDeletionDialog(show, question)).toBe(false);
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ buttons: ['Keep them', 'Delete 1'], defaultId: 0, cancelId: 0 }));
    show.mockResolvedValueOnce({ response: 1 });
    expect(await askDeletionDialog(show, question)).toBe(true);
  });
});
