import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchTerm } from '../../../src/main/contacts/store/search-text';
import { contact, idOf, openTestBook, phone, type TestBook } from './helpers';
import { NO_EXTRAS, type ContactExtras } from '../../../src/shared/contact';

let book: TestBook;
beforeEach(() => {
  book = openTestBook();
});
afterEach(() => book.close());

const source = { path: '/books/work.vcf', format: 'vcard' as const, fingerprint: 'f1' };
const revision = () => book.store.syncState().revision;

describe('store/importSource', () => {
  it('adds every record of a new source in one revision', () => {
    const result = book.store.importSource(source, (w) => {
      expect(w.upsert(contact('a', 'Ada Lovelace', ['+442079460000']))).toBe('added');
      expect(w.upsert(contact('b', 'Alan Turing', ['+442079460001']))).toBe('added');
    });
    expect(result).toMatchObject({ added: 2, updated: 0, unchanged: 0, deleted: 0 });
    expect(result.changedNumbers.sort()).toEqual(['+442079460000', '+442079460001']);
    expect(revision()).toBe(1);
    expect(book.store.countContacts()).toBe(2);
  });

  it('keeps the id on update, leaves identical content unchanged and bumps no revision for it', () => {
    book.store.importSource(source, (w) => w.upsert(contact('a', 'Ada Lovelace', ['+442079460000'])));
    const id = idOf(book.db, 'a');
    const same = book.store.importSource(source, (w) => expect(w.upsert(contact('a', 'Ada Lovelace', ['+442079460000']))).toBe('unchanged'));
    expect(same).toMatchObject({ unchanged: 1, changedNumbers: [] });
    expect(revision()).toBe(1);
    const changed = book.store.importSource(source, (w) => expect(w.upsert(contact('a', 'Ada King', ['+442079460009']))).toBe('updated'));
    expect(changed.changedNumbers.sort()).toEqual(['+442079460000', '+442079460009']);
    expect(idOf(book.db, 'a')).toBe(id);
    expect(book.store.getDetails(id)?.displayName).toBe('Ada King');
    expect(revision()).toBe(2);
  });

  it('tombstones contacts of the source that the new import no longer holds', () => {
    book.store.importSource(source, (w) => {
      w.upsert(contact('a', 'Ada Lovelace', ['+442079460000']));
      w.upsert(contact('b', 'Alan Turing', ['+442079460001']));
    });
    const idB = idOf(book.db, 'b');
    const result = book.store.importSource(source, (w) => w.upsert(contact('a', 'Ada Lovelace', ['+442079460000'])));
    expect(result).toMatchObject({ deleted: 1, unchanged: 1, changedNumbers: ['+442079460001'] });
    expect(book.store.getDetails(idB)).toBeNull();
    expect(book.store.countContacts()).toBe(1);
    expect(book.store.phonesMatching(['+442079460001'], [])).toEqual([]);
  });

  it('rolls everything back when fill throws, and rethrows', () => {
    book.store.importSource(source, (w) => w.upsert(contact('a', 'Ada Lovelace', ['+442079460000'])));
    const before = book.db.prepare('SELECT * FROM contacts').all();
    expect(() =>
      book.store.importSource(source, (w) => {
        w.upsert(contact('a', 'Changed', ['+15550000000']));
        w.upsert(contact('c', 'New Person'));
        throw new Error('parse failed');
      }),
    ).toThrow('parse failed');
    expect(book.db.prepare('SELECT * FROM contacts').all()).toEqual(before);
    expect(revision()).toBe(1);
    expect(book.store.listSources()[0]).toMatchObject({ fingerprint: 'f1', contactCount: 1 });
  });

  it('refuses a writer used after its import finished', () => {
    let saved: { upsert: (r: ReturnType<typeof contact>) => unknown } | undefined;
    book.store.importSource(source, (w) => (saved = w));
    expect(() => saved!.upsert(contact('late', 'Late Comer'))).toThrow(/after its import finished/);
  });

  it('records the source with its counts and sync time', () => {
    book.store.importSource(source, (w) => w.upsert(contact('a', 'Ada Lovelace')));
    expect(book.store.getSource(source.path)).toMatchObject({
      path: source.path,
      format: 'vcard',
      fingerprint: 'f1',
      lastSyncedAt: '2026-01-02T03:04:05.000Z',
      contactCount: 1,
      added: 1,
    });
    expect(book.store.getSource('/nope')).toBeNull();
  });

  it('keeps the same source key apart in two sources', () => {
    book.store.importSource(source, (w) => w.upsert(contact('a', 'Ada Lovelace')));
    book.store.importSource({ ...source, path: '/books/home.csv', format: 'csv' }, (w) => w.upsert(contact('a', 'Ada Home')));
    expect(book.store.countContacts()).toBe(2);
  });
});

describe('store/removeSource', () => {
  it('tombstones the source contacts and forgets the source', () => {
    const { sourceId } = book.store.importSource(source, (w) => w.upsert(contact('a', 'Ada Lovelace', ['+442079460000'])));
    const result = book.store.removeSource(sourceId);
    expect(result).toMatchObject({ deleted: 1, changedNumbers: ['+442079460000'] });
    expect(book.store.listSources()).toEqual([]);
    expect(book.store.countContacts()).toBe(0);
    expect(book.store.removeSource(sourceId)).toBeNull();
  });
});

const EXTRAS: ContactExtras = {
  nickname: 'Countess',
  phoneticGivenName: 'Eida',
  phoneticFamilyName: 'Lavleis',
  organizationUnits: ['Engines', 'Notes'],
  dates: [{ kind: 'birthday', label: null, value: '1815-12-10' }, { kind: 'other', label: 'Paper', value: '--08-01' }],
  addresses: [{ type: 'home', poBox: '', extended: '', street: '12 St James Sq', locality: 'London', region: '', postalCode: 'SW1', country: 'UK' }],
  urls: [{ type: 'work', url: 'https://example.com/ada' }],
  categories: ['Friends', 'Science'],
};

describe('store/getDetails', () => {
  it('returns every stored field, phones in order with raw text, extension and label', () => {
    book.store.upsertContacts([
      contact('a', 'Ada Lovelace', [], {
        company: 'Analytical Engines',
        jobTitle: 'Programmer',
        notes: 'First',
        avatar: 'https://example.com/ada.png',
        emails: ['ada@example.com'],
        phones: [phone('+1 650-555-0123 x101', 'business'), { ...phone('not a number'), label: 'Pager' }],
        extras: EXTRAS,
      }),
    ]);
    expect(book.store.getDetails(idOf(book.db, 'a'))).toEqual({
      id: idOf(book.db, 'a'),
      displayName: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      company: 'Analytical Engines',
      jobTitle: 'Programmer',
      notes: 'First',
      avatar: 'https://example.com/ada.png',
      phones: [
        { raw: '+1 650-555-0123 x101', e164: '+16505550123', extension: '101', type: 'business', label: null },
        { raw: 'not a number', e164: null, extension: null, type: 'mobile', label: 'Pager' },
      ],
      emails: ['ada@example.com'],
      source: { path: 'manual:', format: 'manual' },
      ...EXTRAS,
    });
  });

  it('reads a contact without extra fields with empty ones', () => {
    book.store.upsertContacts([contact('b', 'Bo Plain')]);
    expect(book.store.getDetails(idOf(book.db, 'b'))).toMatchObject({ ...NO_EXTRAS, displayName: 'Bo Plain' });
    expect(book.db.prepare("SELECT extras FROM contacts WHERE source_key = 'b'").pluck().get()).toBeNull();
  });

  it('returns null for unknown, deleted or malformed ids', () => {
    book.store.upsertContacts([contact('a', 'Ada Lovelace')]);
    const id = idOf(book.db, 'a');
    book.store.deleteContacts(['a']);
    for (const bad of [id, '999', 'abc', '', '1; DROP TABLE contacts']) expect(book.store.getDetails(bad)).toBeNull();
  });
});

describe('store/allDetails', () => {
  it('streams every live contact in id order across pages', () => {
    const records = Array.from({ length: 1234 }, (_, i) => contact(`k${i}`, `Person ${i}`));
    book.store.upsertContacts(records);
    book.store.deleteContacts(['k5']);
    const names = [...book.store.allDetails()].map((d) => d.displayName);
    expect(names).toHaveLength(1233);
    expect(names[0]).toBe('Person 0');
    expect(names).not.toContain('Person 5');
  });
});

describe('store/purgeTombstones', () => {
  it('forgets old tombstones and raises the floor that makes older timestamps stale', () => {
    book.store.upsertContacts([contact('a', 'Ada Lovelace'), contact('b', 'Alan Turing')]);
    book.store.deleteContacts(['a']);
    expect(book.store.purgeTombstones(book.store.syncState().revision)).toBe(1);
    expect(book.store.syncState().tombstoneFloor).toBe(2);
    expect(book.db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 1 });
  });
});

describe('store/searchIds', () => {
  beforeEach(() => {
    book.store.upsertContacts([
      contact('a', 'José Müller', ['+1 650-555-0123'], { emails: ['jm@example.org'], company: 'Zebra Inc' }),
      contact('b', 'Άννα Παπαδοπούλου', ['+30 21 0123 4567']),
      contact('c', '山田 太郎', ['+81 3-1234-5678']),
    ]);
  });
  const names = (ids: number[]) => ids.map((id) => book.store.getDetails(String(id))!.displayName);

  it.each([
    ['jose', 'José Müller'],
    ['MULL', 'José Müller'],
    ['zebra', 'José Müller'],
    ['example.org', 'José Müller'],
    ['6505550', 'José Müller'],
    ['αννα', 'Άννα Παπαδοπούλου'],
    ['山田', '山田 太郎'],
    ['太', '山田 太郎'],
    ['ü', 'José Müller'],
    ['jm', 'José Müller'],
    ['πα', 'Άννα Παπαδοπούλου'],
    ['12', '山田 太郎'],
  ])('finds %s case- and accent-insensitively as a substring', (term, expected) => {
    expect(names(book.store.searchIds(searchTerm(term), 50))).toContain(expected);
  });

  it('finds nothing for text no contact holds', () => {
    expect(book.store.searchIds('xyz', 50)).toEqual([]);
    expect(book.store.searchIds('q', 50)).toEqual([]);
  });
});
