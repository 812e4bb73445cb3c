import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';
import { createContactStore } from '../../../../../src/main/contacts/store';
import { createContactService } from '../../../../../src/main/contacts/service';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 5);
  db.prepare("INSERT INTO sources (path, format, fingerprint, contact_count) VALUES ('/home/a/friends.vcf', 'vcard', '1:2:abc', 2)").run();
  const contact = db.prepare(`INSERT INTO contacts (source_id, source_key, display_name, given_name, family_name, company,
    filter_names, filter_numbers, rev, deleted) VALUES (1, ?, ?, ?, ?, ?, 'old filter', '+48601234567', 1, ?)`);
  contact.run('uid:l', 'Łukasz Żółć', 'Łukasz', 'Żółć', 'Ørsted', 0);
  contact.run('uid:nophone', 'Jane Doë', null, null, null, 0);
  contact.run('uid:gone', 'Łucja Gone', null, null, null, 1);
  db.prepare(`INSERT INTO phones (contact_id, position, raw, e164, extension, type, label, match_key, digits)
    VALUES (1, 0, '601 234 567', '+48601234567', NULL, 'mobile', NULL, '+48601234567', '601234567')`).run();
  db.prepare("INSERT INTO contact_search (rowid, text) VALUES (1, 'lukasz zolc\norsted\n+48601234567'), (2, 'jane doe')").run();
});
afterEach(() => db.close());

describe('migrations/0006-rank-names', () => {
  it('folds the names of contacts with numbers, drops the filter columns, and keeps every row', () => {
    updateToVersion(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT display_name, deleted, rank_names FROM contacts ORDER BY id').all()).toEqual([
      { display_name: 'Łukasz Żółć', deleted: 0, rank_names: 'lukasz zolc\u001flukasz\u001fzolc\u001forsted' },
      { display_name: 'Jane Doë', deleted: 0, rank_names: null },
      { display_name: 'Łucja Gone', deleted: 1, rank_names: null },
    ]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('contacts')").pluck().all();
    expect(columns).not.toContain('filter_names');
    expect(columns).not.toContain('filter_numbers');
    expect(db.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(1);
  });

  it('lets search rank a migrated contact by its folded company', () => {
    // The store needs the newest schema; what 6 wrote is what it ranks on.
    migrate(db);
    const service = createContactService({ store: createContactStore({ db }), serviceName: 'Address Book' });
    const found = service.search({ searchString: 'orsted' });
    expect(found.ok && found.value.data.map((c) => [c.name, c.firstName])).toEqual([['Łukasz Żółć', 'orsted']]);
  });
});
