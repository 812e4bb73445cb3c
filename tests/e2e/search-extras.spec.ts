/**
 * The dialer's search in Chromium finds a contact by its nickname and by the phonetic name its
 * file gave, and the simulated widget's own display filter keeps the rows.
 */
import { join } from 'node:path';
import { expect, test } from './support/app';

const FIXTURES = join(__dirname, '..', 'fixtures', 'vcard');

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
