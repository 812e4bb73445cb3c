/**
 * One contact per person in the contact window, in real Chromium: the built contact.html, the
 * real IPC gate and contact window handlers over a real SQLite file two vCard files were
 * imported into with the real importer. Unlink splits the person (in the book, not only on the
 * page), and "Link again" undoes it, from the merged card and from the unlinked contact's window.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../src/main/contacts/import/importer';
import { expect, test, type ContactWindow } from './support/windows';

const card = (uid: string, name: string, extra: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\n${extra}END:VCARD\r\n`;

/** The same Zoë in a phone export and a Google export (same name, a shared number): one person. */
function importZoe(window: ContactWindow): { phoneId: string; googleId: string } {
  const files = {
    'phone.vcf': card('zoe-1', 'Zoë Åström', 'TEL;TYPE=CELL:+46 70 123 45 67\r\n'),
    'google.vcf': card('zoe-2', 'Zoe Astrom', 'TEL:+46701234567\r\nEMAIL:zoe@example.se\r\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(window.dir, name), text);
    const report = importFile(window.store, join(window.dir, name), { region: 'SE' });
    if (!report.ok) throw new Error(report.error.message);
  }
  const idOf = (name: string) => [...window.store.allDetails()].find((c) => c.displayName === name)!.id;
  return { phoneId: idOf('Zoë Åström'), googleId: idOf('Zoe Astrom') };
}

const section = (window: ContactWindow, title: string) => window.page.locator('section', { has: window.page.getByRole('heading', { name: title }) });
const partsIn = (window: ContactWindow, id: string) => window.store.getPerson(id)!.parts.map((p) => p.id);

test.describe('contact window: linked contacts', () => {
  test('unlinks a wrong pair and links it again from the merged card', async ({ contactWindow, page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { phoneId, googleId } = importZoe(contactWindow);
    await contactWindow.open(phoneId);

    const linked = section(contactWindow, 'Linked contacts');
    await expect(linked.locator('.contact-item')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'zoe@example.se' })).toHaveCount(1);
    await linked.locator('.contact-item', { hasText: 'google.vcf' }).getByRole('button', { name: 'Unlink' }).click();

    // The card is the phone contact alone now, and the Google one is listed as kept apart.
    const apart = section(contactWindow, 'Kept apart');
    await expect(apart.locator('.contact-item')).toHaveText([/Zoe Astrom.*google\.vcf/]);
    await expect(linked).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'zoe@example.se' })).toHaveCount(0);
    expect(partsIn(contactWindow, phoneId)).toEqual([phoneId]);

    await apart.getByRole('button', { name: 'Link again' }).click();
    await expect(linked.locator('.contact-item')).toHaveCount(2);
    await expect(apart).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'zoe@example.se' })).toHaveCount(1);
    expect(partsIn(contactWindow, phoneId)).toEqual([phoneId, googleId]);
    expect(contactWindow.bridge.mainLog).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('links again from the window of the contact that was unlinked', async ({ contactWindow, page }) => {
    const { phoneId, googleId } = importZoe(contactWindow);
    expect(contactWindow.store.unlink(Number(googleId))).not.toBeNull();
    await contactWindow.open(googleId);

    await expect(page.locator('.contact-name')).toHaveText('Zoe Astrom');
    const apart = section(contactWindow, 'Kept apart');
    await expect(apart.locator('.contact-item')).toHaveText([/Zoë Åström.*phone\.vcf/]);
    await apart.getByRole('button', { name: 'Link again' }).click();

    // One person again, shown under the id the widget knows it by.
    await expect(page.locator('.contact-name')).toHaveText('Zoë Åström');
    await expect(section(contactWindow, 'Linked contacts').locator('.contact-item')).toHaveCount(2);
    expect(partsIn(contactWindow, googleId)).toEqual([phoneId, googleId]);
  });
});
