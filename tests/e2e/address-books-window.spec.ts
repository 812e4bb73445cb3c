/**
 * The Address books window in real Chromium, over main's real Address books actions, a real
 * SQLite book and a real Radicale: the list, remove, change region, and the Add CardDAV account
 * form (field errors as typed, a wrong password, discovery from the bare host, picking books),
 * with a failing server's reason shown on its row.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importFile } from '../../src/main/contacts/import/importer';
import type { ContactStore } from '../../src/main/contacts/store';
import { radicaleMissing, startRadicale, vcard, type Radicale } from '../main/contacts/carddav/radicale';
import { writeVcard } from './support/address-books';
import { alice, bob, carol } from './support/people';
import { expect, test } from './support/windows';

const rowOf = (page: Page, name: string) => page.locator('tbody tr', { hasText: name });
const live = (store: ContactStore): string[] => [...store.allDetails()].map((c) => c.displayName).sort();

test.describe('Address books window: files', () => {
  test('lists every file with its format, contacts and outcome, and remove takes its contacts away', async ({ addressBooksWindow: w }) => {
    const friends = join(w.dir, 'friends.vcf');
    const work = join(w.dir, 'work.vcf');
    writeVcard(friends, [alice, bob]);
    writeVcard(work, [carol]);
    importFile(w.store, friends, { region: 'US' });
    importFile(w.store, work, { region: 'US' });
    await w.open();
    const { page } = w;
    await expect(page.locator('tbody tr')).toHaveCount(2);
    const row = rowOf(page, 'friends.vcf');
    await expect(row.locator('td').nth(1)).toHaveText('vcard');
    await expect(row.locator('td').nth(3)).toHaveText('2');
    await expect(row.locator('td').nth(5)).toHaveText('2 added, 0 updated, 0 deleted, 0 unchanged');
    await expect(row.getByRole('combobox')).toHaveValue('US');

    await row.getByRole('button', { name: 'Remove' }).click();
    await expect(page.locator('tbody tr')).toHaveCount(1);
    await expect(rowOf(page, 'work.vcf')).toBeVisible();
    expect(w.removeQuestions).toEqual([{ name: 'friends.vcf', kind: 'file', contactCount: 2 }]);
    expect(live(w.store)).toEqual(['Carol Cook']);
  });

  test('change region re-imports the file with its numbers read in the country picked', async ({ addressBooksWindow: w }) => {
    const london = join(w.dir, 'london.vcf');
    writeFileSync(london, vcard('lena', 'Lena London', '020 7946 0001'));
    importFile(w.store, london, { region: 'US' });
    const e164 = () => [...w.store.allDetails()][0]!.phones[0]!.e164;
    expect(e164()).toBeNull();
    await w.open();
    const select = rowOf(w.page, 'london.vcf').getByRole('combobox', { name: 'Region of london.vcf' });
    await expect(select).toHaveValue('US');
    await expect(select.locator('option', { hasText: 'United Kingdom (GB)' })).toHaveCount(1);
    await select.selectOption('GB');
    await expect.poll(e164).toBe('+442079460001');
    await expect(rowOf(w.page, 'london.vcf').getByRole('combobox')).toHaveValue('GB');
    await expect(rowOf(w.page, 'london.vcf').locator('td').nth(5)).toHaveText('0 added, 1 updated, 0 deleted, 0 unchanged');
    expect(w.store.getSource(london)!.region).toBe('GB');
  });
});

const missing = radicaleMissing();

test.describe('Address books window: CardDAV', () => {
  test.skip(missing !== null, missing ?? '');
  let server: Radicale;
  test.beforeAll(async () => {
    server = await startRadicale();
    const user = server.users[0]!;
    await server.makeBook(user, 'family', 'Family');
    await server.makeBook(user, 'work', 'Work');
    await server.putCard(user, 'family', 'mum.vcf', vcard('mum', 'Mary Smith', '(650) 555-0142'));
    await server.putCard(user, 'family', 'dad.vcf', vcard('dad', 'John Smith', '(650) 555-0143'));
    await server.putCard(user, 'work', 'boss.vcf', vcard('boss', 'Big Boss', '(650) 555-0199'));
  });
  test.afterAll(async () => server?.dispose());

  test('adds an account from the bare host: field errors as typed, a wrong password, then the picked book synced and listed', async ({ addressBooksWindow: w }) => {
    await w.open();
    const { page } = w;
    await expect(page.getByText('No address books yet')).toBeVisible();
    await page.getByRole('button', { name: 'Add CardDAV account…' }).click();
    const form = page.getByRole('form', { name: 'Add CardDAV account' });
    await expect(form).toBeVisible();
    const find = form.getByRole('button', { name: 'Find address books' });
    const error = (id: string) => form.locator('.field', { has: page.locator(`#carddav-${id}`) }).locator('.field-error');

    await find.click();
    await expect(error('server')).toHaveText('no server URL given');
    await expect(error('username')).toHaveText('a username is needed');
    await expect(error('password')).toHaveText('a password (or app password) is needed');

    const host = new URL(server.origin).host;
    await form.getByLabel('Server').fill('http://dav.example.com');
    await expect(error('server')).toHaveText('refusing http://dav.example.com: only https is allowed (plain http only to this machine)');
    await form.getByLabel('Server').fill(host);
    await expect(error('server')).toHaveText('');
    await form.getByLabel('Username').fill('alice');
    await form.getByLabel('Password').fill('not the password');
    await find.click();
    await expect(form.locator('.form-status')).toContainText('refused the username or password (401)');
    expect(w.store.listSources()).toEqual([]);

    await form.getByLabel('Password').fill(server.users[0]!.password);
    await expect(form.getByLabel('Password')).toHaveAttribute('type', 'password');
    await find.click();
    const family = form.getByRole('checkbox', { name: 'Family' });
    const work = form.getByRole('checkbox', { name: 'Work' });
    await expect(family).toBeChecked();
    await expect(work).toBeChecked();
    await work.uncheck();
    await form.getByRole('button', { name: 'Add', exact: true }).click();

    await expect(form).toBeHidden();
    await expect(page.locator('.status-line')).toHaveText('CardDAV account added.');
    const row = rowOf(page, 'Family');
    await expect(row).toBeVisible();
    await expect(row).toContainText(`alice@${host}`);
    await expect(row.locator('td').nth(1)).toHaveText('carddav');
    await expect(row.locator('td').nth(3)).toHaveText('2');
    await expect(row.locator('td').nth(5)).toHaveText('2 added, 0 updated, 0 deleted, 0 unchanged');
    await expect(page.locator('tbody tr')).toHaveCount(1);
    expect(live(w.store)).toEqual(['John Smith', 'Mary Smith']);
    // The password left the page with the call: the form holds it no more.
    await page.getByRole('button', { name: 'Add CardDAV account…' }).click();
    await expect(form.getByLabel('Password')).toHaveValue('');

    // Found again, the book already added is marked and cannot be picked twice.
    await form.getByLabel('Server').fill(host);
    await form.getByLabel('Username').fill('alice');
    await form.getByLabel('Password').fill(server.users[0]!.password);
    await find.click();
    await expect(form.getByRole('checkbox', { name: 'Family (already added)' })).toBeDisabled();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toBeHidden();
  });

  test('a failing server is shown on its row with why, and the contacts stay; remove takes them away', async ({ addressBooksWindow: w }) => {
    await w.open();
    const { page } = w;
    await page.getByRole('button', { name: 'Add CardDAV account…' }).click();
    const form = page.getByRole('form', { name: 'Add CardDAV account' });
    await form.getByLabel('Server').fill(server.origin);
    await form.getByLabel('Username').fill('alice');
    await form.getByLabel('Password').fill(server.users[0]!.password);
    await form.getByRole('button', { name: 'Find address books' }).click();
    await form.getByRole('checkbox', { name: 'Family' }).uncheck();
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const row = rowOf(page, 'Work');
    await expect(row.locator('td').nth(3)).toHaveText('1');

    await server.stop();
    try {
      await row.getByRole('button', { name: 'Sync now' }).click();
      await expect(row.getByRole('status')).toContainText('Last sync failed: Work (');
      await expect(row.getByRole('status')).toContainText('cannot reach');
      await expect(row.locator('td').nth(5)).toHaveText('failed; kept as it was');
      await expect(row.locator('td').nth(3)).toHaveText('1');
      expect(live(w.store)).toEqual(['Big Boss']);
    } finally {
      await server.start();
    }
    await row.getByRole('button', { name: 'Sync now' }).click();
    await expect(row.getByRole('status')).toHaveCount(0);

    await row.getByRole('button', { name: 'Remove' }).click();
    await expect(page.locator('tbody tr')).toHaveCount(0);
    expect(w.removeQuestions).toEqual([{ name: `Work (alice@${new URL(server.origin).host})`, kind: 'carddav', contactCount: 1 }]);
    expect(live(w.store)).toEqual([]);
  });
});
