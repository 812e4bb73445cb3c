/**
 * The files' deletion guard on CardDAV books, against a real Radicale: a sync that would delete
 * more than 5 contacts and more than a fifth of a book applies its additions and edits but keeps
 * the contacts the server no longer holds, says so, asks again on the next sync, and deletes
 * them only when told (`allowDeletions`, the CLI's `sync --allow-deletions`). A handful of
 * deletions goes through unasked, as for a file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactsActions } from '../../../../src/main/actions/contacts-actions';
import type { DeletionQuestion } from '../../../../src/main/actions/deletion-confirm';
import { createInlineRunner } from '../../../../src/main/actions/import-runner';
import type { ImportSummary } from '../../../../src/main/actions/import-summary';
import { createCardDav, memorySecrets, type CardDav, type Secrets } from '../../../../src/main/contacts/carddav';
import { vcard } from './radicale';
import { alice, book, bookName, missing, server, useRadicaleSuite } from './radicale-suite';

useRadicaleSuite('guarded', 'Guarded');

const card = (i: number, tel = `(650) 555-${String(1000 + i)}`) => vcard(`p${i}`, `Person ${i}`, tel);
const names = (): string[] => [...book.store.allDetails()].map((c) => c.displayName).sort();

async function syncedBook(count: number, secrets: Secrets = memorySecrets()): Promise<CardDav> {
  for (let i = 0; i < count; i++) await server.putCard(alice(), bookName, `p${i}.vcf`, card(i));
  const dav = createCardDav({ db: book.db, store: book.store, secrets, region: 'US' });
  await dav.addAccount({ server: server.origin, username: alice().name, password: alice().password, books: [bookName] });
  const [first] = await dav.syncAll();
  expect(first).toMatchObject({ ok: true, report: { added: count } });
  return dav;
}

describe.skipIf(missing)('CardDAV deletion guard against Radicale', () => {
  it('keeps the contacts when the server lost too many, applies the rest, asks again, and deletes when allowed', async () => {
    const dav = await syncedBook(20);
    for (let i = 0; i < 10; i++) await server.deleteCard(alice(), bookName, `p${i}.vcf`);
    await server.putCard(alice(), bookName, 'p10.vcf', card(10, '(650) 555-9010'));
    await server.putCard(alice(), bookName, 'new.vcf', vcard('new', 'Newcomer', '(650) 555-7777'));

    const [held] = await dav.syncAll();
    expect(held).toMatchObject({ ok: true, report: { mode: 'incremental', added: 1, updated: 1, deleted: 0, heldBack: { reason: 'too-many', count: 10 } } });
    expect(held!.ok && held!.report.heldBack!.message).toBe('deletions held back: 10 contacts of 20 are no longer on the server; deleting that many needs confirmation');
    expect(names()).toHaveLength(21);
    expect(names()).toContain('Person 0');
    expect(book.store.getSource(dav.listBooks()[0]!.path)!.contactCount).toBe(21);

    // Nothing changed on the server since, and yet the same question comes back.
    const [again] = await dav.syncAll();
    expect(again).toMatchObject({ ok: true, report: { added: 0, updated: 0, deleted: 0, heldBack: { count: 10 } } });
    expect(names()).toHaveLength(21);

    const revision = book.store.syncState().revision;
    const [allowed] = await dav.syncAll({ allowDeletions: true });
    expect(allowed).toMatchObject({ ok: true, report: { deleted: 10, heldBack: null } });
    expect(names()).toHaveLength(11);
    expect(names()).not.toContain('Person 0');
    // Tombstones for the widget's incremental fetch.
    const changed = book.store.changedBetween({ upTo: book.store.syncState().revision, afterRev: revision, afterId: 0 }, 100);
    expect(changed.filter((c) => c.deleted)).toHaveLength(10);

    const [settled] = await dav.syncAll();
    expect(settled).toMatchObject({ ok: true, report: { mode: 'unchanged', heldBack: null } });
  });

  it('lets a handful of deletions through unasked', async () => {
    const dav = await syncedBook(8);
    for (let i = 0; i < 5; i++) await server.deleteCard(alice(), bookName, `p${i}.vcf`);
    const [outcome] = await dav.syncAll();
    expect(outcome).toMatchObject({ ok: true, report: { deleted: 5, heldBack: null } });
    expect(names()).toEqual(['Person 5', 'Person 6', 'Person 7']);
  });

  it('holds back on a full listing too (a server without sync-collection)', async () => {
    const dav = await syncedBook(12);
    // Without a token the sync compares the whole listing with the stored ETags.
    book.db.prepare('UPDATE carddav_books SET supports_sync = 0, sync_token = NULL').run();
    for (let i = 0; i < 8; i++) await server.deleteCard(alice(), bookName, `p${i}.vcf`);
    const [held] = await dav.syncAll();
    expect(held).toMatchObject({ ok: true, report: { mode: 'full', deleted: 0, heldBack: { count: 8 } } });
    const [again] = await dav.syncAll();
    expect(again).toMatchObject({ ok: true, report: { mode: 'full', deleted: 0, heldBack: { count: 8 } } });
    const [allowed] = await dav.syncAll({ allowDeletions: true });
    expect(allowed).toMatchObject({ ok: true, report: { deleted: 8 } });
    expect(names()).toHaveLength(4);
  });
});

describe.skipIf(missing)('app: the deletion dialog for a CardDAV book', () => {
  const setup = async (answer: boolean) => {
    const secrets = memorySecrets();
    await syncedBook(20, secrets);
    for (let i = 0; i < 10; i++) await server.deleteCard(alice(), bookName, `p${i}.vcf`);
    const asked: DeletionQuestion[] = [];
    const summaries: ImportSummary[] = [];
    const actions = createContactsActions({
      runner: createInlineRunner({ store: book.store, region: () => 'US', carddav: { db: book.db, store: book.store, secrets } }),
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
  };

  it('asks "Delete 10 contacts that are no longer on the server?" and deletes them on yes', async () => {
    const { actions, asked, summaries } = await setup(true);
    await actions.syncContacts();
    expect(asked.map((q) => q.message)).toEqual(['Delete 10 contacts that are no longer on the server?']);
    expect(asked[0]!.path).toMatch(/^carddav:alice@127\.0\.0\.1:\d+\/alice\/guarded\d+\/$/);
    expect(names()).toHaveLength(10);
    expect(summaries.at(-1)!.message).toContain('10 deleted');
  });

  it('keeps them on no, and the summary says so', async () => {
    const { actions, asked, summaries } = await setup(false);
    await actions.syncContacts();
    expect(asked).toHaveLength(1);
    expect(names()).toHaveLength(20);
    expect(summaries.at(-1)!.detail).toContain('deletions held back: 10 contacts of 20 are no longer on the server');
    expect(summaries.at(-1)!.message).toBe('0 added, 0 updated, 0 deleted, 0 records skipped, 10 contacts no longer on the server kept.');
  });
});

describe.skipIf(missing)('cli: sync --allow-deletions for CardDAV books', () => {
  const root = resolve(__dirname, '../../../..');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carddav-guard-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[], input = '') => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), '--db', join(dir, 'book.sqlite3'), '--region', 'US', ...args], {
      cwd: root,
      encoding: 'utf8',
      input,
      env: { ...process.env, SOFTPHONE_USER_DATA: join(dir, 'userdata') },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('keeps the contacts, says how to delete them, and deletes them with --allow-deletions', async () => {
    for (let i = 0; i < 20; i++) await server.putCard(alice(), bookName, `p${i}.vcf`, card(i));
    expect(cli(['carddav', 'add', server.origin, '--user', alice().name, '--password-stdin', '--book', bookName], `${alice().password}\n`).code).toBe(0);
    expect(cli(['sync']).code).toBe(0);
    for (let i = 0; i < 10; i++) await server.deleteCard(alice(), bookName, `p${i}.vcf`);

    const held = cli(['sync']);
    expect(held.code).toBe(0);
    expect(held.stdout).toContain('deletions held back: 10 contacts of 20 are no longer on the server');
    expect(held.stderr).toMatch(/^warning: carddav:alice@127\.0\.0\.1:\d+\/alice\/guarded\d+\/: 10 contacts are no longer on the server and were kept; to delete them run: contacts sync --allow-deletions\n$/);
    expect(JSON.parse(cli(['--json', 'list']).stdout)).toHaveLength(20);

    const applied = cli(['sync', '--allow-deletions']);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toContain('10 deleted');
    expect(JSON.parse(cli(['--json', 'list']).stdout)).toHaveLength(10);
  });
});
