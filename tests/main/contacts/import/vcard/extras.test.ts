/**
 * The extra fields of vCard 2.1, 3.0 and 4.0 files (tests/fixtures/vcard/extras-v*.vcf),
 * imported into a real SQLite file and read back as the contact window gets them; then exported
 * and imported again into a fresh file, which must hold the same.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactDetails, ContactExtras } from '../../../../../src/shared/contact';
import { closeDatabase, openDatabase, type Database } from '../../../../../src/main/contacts/db/open';
import { MAX_EXTRA_VALUES, MAX_URL_CHARS } from '../../../../../src/main/contacts/import/caps';
import { exportContacts } from '../../../../../src/main/contacts/import/export';
import { importFile } from '../../../../../src/main/contacts/import/importer';
import { createContactStore, type ContactStore } from '../../../../../src/main/contacts/store';
import { must } from '../../helpers';

const FIXTURES = new URL('../../../../fixtures/vcard/', import.meta.url).pathname;

let dir: string;
let db: Database;
let store: ContactStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcard-extras-'));
  db = openDatabase(join(dir, 'contacts.sqlite3'));
  store = createContactStore({ db });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const byName = (s: ContactStore): Map<string, ContactDetails> => new Map([...s.allDetails()].map((c) => [c.displayName, c]));
const extrasOf = (c: ContactDetails | undefined): ContactExtras => {
  if (!c) throw new Error('contact missing');
  const { nickname, phoneticGivenName, phoneticFamilyName, organizationUnits, dates, addresses, urls, categories } = c;
  return { nickname, phoneticGivenName, phoneticFamilyName, organizationUnits, dates, addresses, urls, categories };
};
const none: ContactExtras = {
  nickname: null, phoneticGivenName: null, phoneticFamilyName: null, organizationUnits: [], dates: [], addresses: [], urls: [], categories: [],
};
const address = (parts: Partial<ContactExtras['addresses'][number]>) => ({
  type: null, poBox: '', extended: '', street: '', locality: '', region: '', postalCode: '', country: '', ...parts,
});

const EXPECTED: Record<string, Record<string, { company: string | null; extras: ContactExtras }>> = {
  'extras-v21.vcf': {
    'Britta Ström': {
      company: 'Nordlicht AB',
      extras: {
        nickname: 'Bitte',
        phoneticGivenName: 'Britta',
        phoneticFamilyName: 'Strom',
        organizationUnits: ['Telefoni', 'Support'],
        dates: [
          { kind: 'birthday', label: null, value: '1980-03-21' },
          { kind: 'anniversary', label: null, value: '2005-06-18' },
        ],
        addresses: [
          address({ type: 'work', street: 'Storgatan 1\nVåning 3', locality: 'Stockholm', postalCode: '111 22', country: 'Sverige', label: 'Storgatan 1, våning 3\n111 22 Stockholm\nSverige' }),
          address({ type: 'home', street: 'Hemvägen 2', locality: 'Uppsala', postalCode: '753 20', country: 'Sweden' }),
        ],
        urls: [{ type: 'work', url: 'http://nordlicht.example/britta' }, { type: null, url: 'www.example.se' }],
        categories: ['Kunder', 'VIP'],
      },
    },
    '山田太郎': {
      company: null,
      extras: { ...none, phoneticGivenName: 'タロウ', phoneticFamilyName: 'ヤマダ', dates: [{ kind: 'birthday', label: null, value: '1975-01-31' }] },
    },
  },
  'extras-v30.vcf': {
    'Per Lindqvist': {
      company: 'Nordlicht AB',
      extras: {
        nickname: 'Pelle, Lill-Per',
        phoneticGivenName: 'Pär',
        phoneticFamilyName: 'Lindkvist',
        organizationUnits: ['Telefoni'],
        dates: [
          { kind: 'birthday', label: null, value: '--11-05' },
          { kind: 'anniversary', label: null, value: '2010-08-14' },
          { kind: 'other', label: 'Started at Nordlicht', value: '2019-02-01' },
        ],
        addresses: [
          address({ type: 'home', street: 'Kungsgatan 12\nLgh 1102', locality: 'Göteborg', postalCode: '411 19', country: 'Sverige' }),
          address({ type: 'Sommarstuga', street: 'Box 7', locality: 'Malmö', postalCode: '211 20', country: 'Sverige' }),
        ],
        urls: [
          { type: 'homepage', url: 'https://nordlicht.example/per' },
          { type: 'work', url: 'https://work.example/per?a=1,2' },
          { type: 'Blogg', url: 'https://blog.example/per' },
        ],
        categories: ['Kollegor', 'Fotboll, lördagar'],
      },
    },
    'Anna Berg': {
      company: null,
      extras: { ...none, dates: [{ kind: 'birthday', label: null, value: '--04-12' }, { kind: 'anniversary', label: null, value: '1999-09-09' }] },
    },
  },
  'extras-v40.vcf': {
    '安藤 ロイド': {
      company: 'グーグル',
      extras: {
        nickname: 'ロイ',
        phoneticGivenName: 'ろいど',
        phoneticFamilyName: 'あんどう',
        organizationUnits: ['検索部門'],
        dates: [
          { kind: 'birthday', label: null, value: '--04-12' },
          { kind: 'anniversary', label: null, value: '2009-08-08' },
        ],
        addresses: [
          address({ type: 'work', street: '六本木6-10-1', locality: '港区', region: '東京都', postalCode: '106-6126', country: '日本', label: '東京都港区六本木6-10-1\n六本木ヒルズ' }),
        ],
        urls: [{ type: 'home', url: 'https://example.jp/roid' }],
        categories: ['友達', '同僚'],
      },
    },
    'Jane Public': {
      company: null,
      extras: { ...none, phoneticGivenName: 'dʒeɪn', phoneticFamilyName: 'ˈpʌblɪk', dates: [{ kind: 'birthday', label: null, value: 'circa 1970' }] },
    },
  },
};

describe('vCard extra fields', () => {
  for (const [file, people] of Object.entries(EXPECTED)) {
    it(`${file}: every field is kept, as the contact window reads it`, () => {
      const report = must(importFile(store, join(FIXTURES, file)));
      expect(report).toMatchObject({ added: Object.keys(people).length, skipped: [], trimmed: [] });
      const found = byName(store);
      for (const [name, want] of Object.entries(people)) {
        expect(found.get(name)?.company, name).toBe(want.company);
        expect(extrasOf(found.get(name)), name).toEqual(want.extras);
      }
    });

    it(`${file}: export then import into a fresh file keeps every field`, () => {
      must(importFile(store, join(FIXTURES, file)));
      const out = join(dir, 'export.vcf');
      must(exportContacts(store, 'vcf', out));
      // ORG units come back as units, with `;` between them, not folded into the company.
      if (file === 'extras-v21.vcf') expect(readFileSync(out, 'utf8')).toContain('\r\nORG:Nordlicht AB;Telefoni;Support\r\n');
      const db2 = openDatabase(join(dir, 'fresh.sqlite3'));
      try {
        const fresh = createContactStore({ db: db2 });
        expect(must(importFile(fresh, out)).skipped).toEqual([]);
        const again = byName(fresh);
        for (const [name, want] of Object.entries(people)) {
          expect(again.get(name)?.company, name).toBe(want.company);
          expect(extrasOf(again.get(name)), name).toEqual(want.extras);
        }
      } finally {
        closeDatabase(db2);
      }
    });
  }

  it('keeps what is written only once when an exporter writes it twice or as a SORT-AS equal to the name', () => {
    const found = (must(importFile(store, join(FIXTURES, 'extras-v40.vcf'))), byName(store));
    // Jane's `N;SORT-AS="Public,Jane"` is her name again, not a reading: the PHONETIC N is.
    expect(found.get('Jane Public')?.phoneticFamilyName).toBe('ˈpʌblɪk');
    expect(found.get('Jane Public')?.givenName).toBe('Jane');
  });

  it('caps the extra fields like every other value, and says so in the report', () => {
    const path = join(dir, 'many.vcf');
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Many Fields', 'TEL:+14155550100', `URL:https://example.com/${'x'.repeat(MAX_URL_CHARS)}`];
    for (let i = 0; i < MAX_EXTRA_VALUES + 5; i++) lines.push(`URL:https://example.com/${i}`, `ADR:;;Street ${i};Town;;;`, `BDAY:19${String(10 + (i % 80))}-01-01`);
    lines.push(`CATEGORIES:${Array.from({ length: MAX_EXTRA_VALUES + 3 }, (_, i) => `c${i}`).join(',')}`);
    lines.push(`NICKNAME:${'n'.repeat(5000)}`, 'END:VCARD');
    writeFileSync(path, lines.join('\r\n') + '\r\n');
    const report = must(importFile(store, path));
    expect(report.trimmed.map((t) => t.reason).sort()).toEqual([
      '1 websites longer than 2,048 characters dropped',
      '3 categories beyond the first 100 dropped',
      '5 addresses beyond the first 100 dropped',
      '5 dates beyond the first 100 dropped',
      '5 websites beyond the first 100 dropped',
      'NICKNAME of 5,000 characters cut to 1,024',
    ]);
    const c = [...store.allDetails()][0]!;
    expect([c.urls.length, c.addresses.length, c.categories.length, c.nickname?.length]).toEqual([100, 100, 100, 1024]);
    expect(c.urls[99]?.url).toBe('https://example.com/99');
  });
});
