import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';
import { NAME_PREFIX_SQL } from '../../../../../src/main/contacts/store/reader';
import { rankNames } from '../../../../../src/main/contacts/store/rank-names';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 8);
  db.prepare("INSERT INTO sources (path, format, fingerprint, contact_count) VALUES ('/home/a/friends.vcf', 'vcard', '1:2:abc', 3)").run();
  const contact = db.prepare(`INSERT INTO contacts (source_id, source_key, display_name, given_name, family_name, company, rank_names, rev, deleted)
    VALUES (1, ?, ?, NULL, NULL, NULL, ?, 1, ?)`);
  contact.run('uid:joanne', 'Joanne Ann', rankNames({ displayName: 'Joanne Ann', givenName: null, familyName: null, company: null }), 0);
  contact.run('uid:ann', 'Ånn Smith', rankNames({ displayName: 'Ånn Smith', givenName: null, familyName: null, company: null }), 0);
  contact.run('uid:gone', 'Ann Gone', null, 1);
});
afterEach(() => db.close());

describe('migrations/0009-name-prefix-index', () => {
  it('keeps every contact, and search reads name prefixes from the new index, not by scanning', () => {
    updateToVersion(db, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT display_name FROM contacts ORDER BY id').pluck().all()).toEqual(['Joanne Ann', 'Ånn Smith', 'Ann Gone']);
    expect(db.prepare(NAME_PREFIX_SQL).pluck().all('ann', 'ann\u{10FFFF}', 10)).toEqual([2]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${NAME_PREFIX_SQL}`).all('ann', 'ann\u{10FFFF}', 10) as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan.join(' ')).toMatch(/USING (COVERING )?INDEX contacts_name_prefix \(rank_names>\? AND rank_names<\?\)/);
    expect(plan.join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
