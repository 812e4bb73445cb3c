/**
 * A vCard property that no field of the store holds (IMPP, related names, social profiles, GEO…)
 * is named in the import report with how many contacts held it, so nothing leaves silently;
 * properties about the card itself (VERSION, PRODID, REV) and empty ones are not.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importFile } from '../../../../../src/main/contacts/import/importer';
import { openTestBook, type TestBook } from '../../helpers';

const FIXTURE = join(__dirname, '../../../../fixtures/vcard/unkept-properties.vcf');
let book: TestBook;
beforeEach(() => (book = openTestBook()));
afterEach(() => book.close());

it('names the vCard properties no field keeps, most frequent first, in the import report', () => {
  const result = importFile(book.store, FIXTURE, { region: 'SE' });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.added).toBe(2);
  expect(result.value.notices).toEqual([
    'vCard properties not kept (no field holds them): IMPP (2 contacts), GEO (1 contact), X-ABRELATEDNAMES (1 contact), X-SOCIALPROFILE (1 contact)',
  ]);
});
