/**
 * Search finds contacts by nickname and by the phonetic names the file gave, on a real SQLite
 * file, both after an import and after the indexes are rebuilt from the stored contacts (what a
 * migration that changes the index does).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { rebuildSearchIndexes } from '../../../../src/main/contacts/store/search-index';
import { must, openTestBook, type TestBook } from '../helpers';

const FIXTURES = new URL('../../../fixtures/vcard/', import.meta.url).pathname;

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
  for (const f of ['extras-v21.vcf', 'extras-v30.vcf', 'extras-v40.vcf']) must(importFile(book.store, join(FIXTURES, f)));
});
afterEach(() => book.close());

const found = (searchString: string): string[] => must(book.service.search({ searchString })).data.map((c) => c.name);

const QUERIES: Array<[string, string]> = [
  ['pelle', 'Per Lindqvist'], // nickname
  ['lill-per', 'Per Lindqvist'], // the second nickname
  ['lindkvist', 'Per Lindqvist'], // phonetic family name
  ['par', 'Per Lindqvist'], // phonetic given name "Pär", folded
  ['ヤマダ', '山田太郎'], // 2.1 SOUND;X-IRMC-N
  ['あんどう', '安藤 ロイド'], // 4.0 N;SORT-AS
  ['ロイ', '安藤 ロイド'], // a 2-character nickname goes through the gram index
  ['bitte', 'Britta Ström'],
];

describe('search by nickname and phonetic names', () => {
  it.each(QUERIES)('"%s" finds %s after an import', (query, name) => {
    expect(found(query)).toContain(name);
  });

  it('finds them the same after the indexes are rebuilt from the stored contacts', () => {
    book.db.exec("INSERT INTO contact_search (contact_search) VALUES ('delete-all'); DELETE FROM contact_grams;");
    expect(found('pelle')).toEqual([]);
    rebuildSearchIndexes(book.db);
    for (const [query, name] of QUERIES) expect(found(query), query).toContain(name);
  });

  it('does not find a contact by a nickname it does not have', () => {
    expect(found('pelle')).toEqual(['Per Lindqvist']);
  });
});
