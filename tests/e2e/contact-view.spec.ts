/**
 * The contact window in real Chromium: the built contact.html, the real IPC gate and contact
 * window handlers over a real SQLite file the vCard fixtures were imported into. What a person
 * reads (addresses as lines, dates in their language, the nickname and phonetic name, units,
 * categories), and a website that opens through main only when it is the contact's own.
 */
import { join } from 'node:path';
import { expect, test } from './support/app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'vcard');

test.use({ locale: 'en-US' });

test.describe('contact window: every field the file held', () => {
  test('shows the extra fields of a vCard 3.0 contact as a person reads them', async ({ app, page }) => {
    await app.importAndSync(join(FIXTURES, 'extras-v30.vcf'));
    const per = [...app.store.allDetails()].find((c) => c.displayName === 'Per Lindqvist')!;
    await app.openContact(per.id);

    await expect(page.locator('.contact-nickname')).toHaveText('“Pelle, Lill-Per”');
    await expect(page.locator('.contact-phonetic')).toHaveText('Pär Lindkvist');
    await expect(page.locator('.contact-role')).toHaveText('Nordlicht AB, Telefoni');
    // An address reads as the lines of an envelope (the CSS keeps its line breaks).
    await expect(page.locator('.contact-address')).toHaveText(['Kungsgatan 12\nLgh 1102\n411 19 Göteborg\nSverige', 'Box 7\n211 20 Malmö\nSverige']);
    expect(await page.locator('.contact-address').first().innerText()).toBe('Kungsgatan 12\nLgh 1102\n411 19 Göteborg\nSverige');
    const dates = page.locator('section', { hasText: 'Dates' }).locator('li');
    await expect(dates).toHaveText(['BirthdayNovember 5', 'AnniversaryAugust 14, 2010', 'Started at NordlichtFebruary 1, 2019']);
    await expect(page.locator('.contact-category')).toHaveText(['Kollegor', 'Fotboll, lördagar']);
    expect(app.pageErrors).toEqual([]);
  });

  test('opens a website in the system browser through main, and nothing the contact does not hold', async ({ app, page }) => {
    await app.importAndSync(join(FIXTURES, 'extras-v21.vcf'));
    const britta = [...app.store.allDetails()].find((c) => c.displayName === 'Britta Ström')!;
    await app.openContact(britta.id);

    await page.getByRole('button', { name: 'http://nordlicht.example/britta' }).click();
    // Written without a scheme in the file: opened as the browser would open a typed address.
    await page.getByRole('button', { name: 'www.example.se' }).click();
    await expect.poll(() => app.bridge.opened).toEqual(['http://nordlicht.example/britta', 'http://www.example.se']);

    // A page that asks main for any other URL gets a refusal, and nothing is opened.
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { softphone: { contactWindow: { openUrl(u: string): Promise<unknown> } } }).softphone.contactWindow.openUrl('https://evil.example/'),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(app.bridge.opened).toHaveLength(2);
    expect(app.pageErrors).toEqual([]);
  });
});

test.describe('dialer search by nickname and phonetic name', () => {
  test('shows the contact\'s rows for its nickname and its reading, past the widget\'s own filter', async ({ app }) => {
    await app.importAndSync(join(FIXTURES, 'extras-v30.vcf'));
    await app.importAndSync(join(FIXTURES, 'extras-v21.vcf'));
    await app.open({ searchDebounce: '100' });
    for (const [typed, row] of [['pelle', 'Per Lindqvist +46707654321 mobile'], ['Lindkvist', 'Per Lindqvist +46707654321 mobile'], ['ヤマダ', '山田太郎 090-1234-5678 mobile']]) {
      await app.sim('type', typed!);
      await expect.poll(async () => (await app.state()).search.done).toBe(typed);
      expect((await app.state()).search.rows.map((r) => `${r.name} ${String(r.phoneNumber)} ${r.phoneType}`), typed).toEqual([row]);
    }
    expect((await app.state()).errors).toEqual([]);
  });
});
