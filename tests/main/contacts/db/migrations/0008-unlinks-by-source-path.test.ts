import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';

const PHONE = '/home/a/phone.vcf';
const GOOGLE = '/home/a/google.csv';
const BOOK = 'carddav:ann@dav.example/books/ann/';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 7);
  db.prepare('INSERT INTO sources (id, path, format) VALUES (1, ?, ?), (2, ?, ?), (3, ?, ?)').run(PHONE, 'vcard', GOOGLE, 'csv', BOOK, 'carddav');
  // As version 7 wrote them: by source id, the smaller id first.
  const unlink = db.prepare('INSERT INTO unlinks (source_a, key_a, source_b, key_b) VALUES (?, ?, ?, ?)');
  unlink.run(1, 'p-zoe', 2, 'g-zoe');
  unlink.run(2, 'g-zoe', 3, 'https://dav.example/books/ann/zoe.vcf');
  unlink.run(1, 'p-1', 1, 'p-2');
});
afterEach(() => db.close());

const rows = () => db.prepare('SELECT source_a, key_a, source_b, key_b FROM unlinks ORDER BY 1, 2, 3, 4').raw().all() as string[][];

describe('migrations/0008-unlinks-by-source-path', () => {
  it('keeps every decision, naming each source by its path, the smaller side first', () => {
    updateToVersion(db, 8);
    expect(schemaVersion(db)).toBe(8);
    expect(rows()).toEqual([
      [GOOGLE, 'g-zoe', PHONE, 'p-zoe'],
      [GOOGLE, 'g-zoe', BOOK, 'https://dav.example/books/ann/zoe.vcf'],
      [PHONE, 'p-1', PHONE, 'p-2'],
    ]);
  });

  it('keeps the decisions when their source is removed, for the day it is added again', () => {
    updateToVersion(db, 8);
    db.prepare('DELETE FROM sources WHERE id = 1').run();
    expect(rows()).toHaveLength(3);
    db.prepare('INSERT INTO sources (path, format) VALUES (?, ?)').run(PHONE, 'vcard');
    expect(rows().filter((r) => r.includes(PHONE))).toHaveLength(2);
  });
});
