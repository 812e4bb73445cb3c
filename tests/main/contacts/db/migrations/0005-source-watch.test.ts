import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 4);
  db.prepare("INSERT INTO sources (path, format, fingerprint, contact_count) VALUES ('/home/a/friends.vcf', 'vcard', '1:2:abc', 1)").run();
  db.prepare("INSERT INTO contacts (source_id, source_key, display_name, rev) VALUES (1, 'uid:ada', 'Ada Lovelace', 1)").run();
});
afterEach(() => db.close());

describe('migrations/0005-source-watch', () => {
  it('keeps sources and contacts, and existing sources follow their files', () => {
    updateToVersion(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT path, format, fingerprint, contact_count, watch FROM sources').all()).toEqual([
      { path: '/home/a/friends.vcf', format: 'vcard', fingerprint: '1:2:abc', contact_count: 1, watch: 1 },
    ]);
    expect(db.prepare('SELECT source_id, source_key, display_name FROM contacts').all()).toEqual([
      { source_id: 1, source_key: 'uid:ada', display_name: 'Ada Lovelace' },
    ]);
  });

  it('takes only 0 or 1', () => {
    updateToVersion(db, 5);
    db.prepare('UPDATE sources SET watch = 0').run();
    expect(() => db.prepare('UPDATE sources SET watch = 2').run()).toThrow(/CHECK/);
  });
});
