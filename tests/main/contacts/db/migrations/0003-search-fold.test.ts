import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 2);
  db.prepare("INSERT INTO sources (path, format, fingerprint, contact_count) VALUES ('/home/a/friends.vcf', 'vcard', '1:2:abc', 3)").run();
  const contact = db.prepare("INSERT INTO contacts (source_id, source_key, display_name, company, rev, deleted) VALUES (1, ?, ?, ?, 1, ?)");
  contact.run('uid:l', 'Łukasz Żółć', null, 0);
  contact.run('uid:s', 'Hans Straße', 'Ørsted', 0);
  contact.run('uid:gone', 'Łucja Gone', null, 1);
  db.prepare("INSERT INTO phones (contact_id, position, raw, e164, extension, type, label, match_key, digits) VALUES (1, 0, '601 234 567', '+48601234567', NULL, 'mobile', NULL, '+48601234567', '601234567')").run();
  db.prepare("INSERT INTO emails (contact_id, position, address) VALUES (2, 0, 'hans@straße.example')").run();
  // The index as the old fold (NFD, marks stripped) left it: "łukasz" stays "łukasz".
  const search = db.prepare('INSERT INTO contact_search (rowid, text) VALUES (?, ?)');
  search.run(1, 'łukasz zołc\n+48601234567\n601234567');
  search.run(2, 'hans straße\nørsted\nhans@straße.example');
  db.prepare("INSERT INTO contact_grams (rowid, grams) VALUES (1, 'g142'), (2, 'gdf')").run();
});
afterEach(() => db.close());

const trigram = (term: string) => db.prepare('SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rowid').pluck().all(`"${term}"`);
const grams = (token: string) => db.prepare('SELECT rowid FROM contact_grams WHERE contact_grams MATCH ? ORDER BY rowid').pluck().all(token);

describe('migrations/0003-search-fold', () => {
  it('rebuilds the indexes with the new fold, for live contacts only, and keeps every row', () => {
    expect(trigram('lukasz')).toEqual([]);
    updateToVersion(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(trigram('lukasz')).toEqual([1]);
    expect(trigram('zolc')).toEqual([1]);
    expect(trigram('601234')).toEqual([1]);
    expect(trigram('strasse')).toEqual([2]);
    expect(trigram('orsted')).toEqual([2]);
    expect(trigram('hans@strasse')).toEqual([2]);
    expect(trigram('lucja')).toEqual([]); // a tombstone is not indexed
    expect(grams('g6cx75')).toEqual([1]); // "lu"
    expect(grams('g142')).toEqual([]); // the old "ł" gram is gone
    expect(db.prepare('SELECT display_name, deleted FROM contacts ORDER BY id').all()).toEqual([
      { display_name: 'Łukasz Żółć', deleted: 0 },
      { display_name: 'Hans Straße', deleted: 0 },
      { display_name: 'Łucja Gone', deleted: 1 },
    ]);
    expect(db.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM emails').pluck().get()).toBe(1);
  });
});
