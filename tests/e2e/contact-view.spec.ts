/**
 * The contact window in real Chromium: the built contact.html, the real IPC gate and contact
 * window handlers over a real SQLite file the vCard fixtures were imported into. What a person
 * reads (addresses as lines, dates in their language, the nickname and phonetic name, units,
 * categories), and a website that opens through main only when it is the contact's own.
 */
import { join } from 'node:path';
import { importFile } from '../../src/main/contacts/import/importer';
import { expect, test, type ContactWindow } from './support/windows';

const FIXTURES = join(__dirname, '..', 'fixtures', 'vcard');

test.use({ locale: 'en-US' });

/** Imports a fixture into the window's book with the real importer; the id of the contact named. */
function imported(window: ContactWindow, file: string, name: string): string {
  const report = importFile(window.store, join(FIXTURES, file), { region: 'US' });
  if (!report.ok) throw new Error(report.error.message);
  const contact = [...window.store.allDetails()].find((c) => c.displayName === name);
  if (!contact) throw new Error(`${name} not imported`);
  return contact.id;
}

test.describe('contact window: every field the file held', () => {
  test('shows the extra fields of a vCard 3.0 contact as a person reads them', async ({ contactWindow, page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await contactWindow.open(imported(contactWindow, 'extras-v30.vcf', 'Per Lindqvist'));

    await expect(page.locator('.contact-nickname')).toHaveText('“Pelle, Lill-Per”');
    await expect(page.locator('.contact-phonetic')).toHaveText('Pär Lindkvist');
    await expect(page.locator('.contact-role')).toHaveText('Nordlicht AB, Telefoni');
    // An address reads as the lines of an envelope (the CSS keeps its line breaks).
    await expect(page.locator('.contact-address')).toHaveText(['Kungsgatan 12\nLgh 1102\n411 19 Göteborg\nSverige', 'Box 7\n211 20 Malmö\nSverige']);
    expect(await page.locator('.contact-address').first().innerText()).toBe('Kungsgatan 12\nLgh 1102\n411 19 Göteborg\nSverige');
    const dates = page.locator('section', { hasText: 'Dates' }).locator('li');
    await expect(dates).toHaveText(['BirthdayNovember 5', 'AnniversaryAugust 14, 2010', 'Started at NordlichtFebruary 1, 2019']);
    await expect(page.locator('.contact-category')).toHaveText(['Kollegor', 'Fotboll, lördagar']);
    expect(errors).toEqual([]);
  });

  test('opens a website in the system browser through main, and nothing the contact does not hold', async ({ contactWindow, page }) => {
    await contactWindow.open(imported(contactWindow, 'extras-v21.vcf', 'Britta Ström'));

    await page.getByRole('button', { name: 'http://nordlicht.example/britta' }).click();
    // Written without a scheme in the file: opened as the browser would open a typed address.
    await page.getByRole('button', { name: 'www.example.se' }).click();
    await expect.poll(() => contactWindow.opened).toEqual(['http://nordlicht.example/britta', 'http://www.example.se']);

    // A page that asks main for any other URL gets a refusal, and nothing is opened.
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { softphone: { contactWindow: { openUrl(u: string): Promise<unknown> } } }).softphone.contactWindow.openUrl('https://evil.example/'),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(contactWindow.opened).toHaveLength(2);
    expect(contactWindow.bridge.mainLog).toEqual([]);
  });
});
