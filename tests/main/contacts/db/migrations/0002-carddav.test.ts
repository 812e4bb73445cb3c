import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 1);
  db.prepare("INSERT INTO sources (path, format, fingerprint, contact_count) VALUES ('/home/a/friends.vcf', 'vcard', '1:2:abc', 1)").run();
  db.prepare("INSERT INTO contacts (source_id, source_key, display_name, rev) VALUES (1, 'uid:ada', 'Ada Lovelace', 1)").run();
});
afterEach(() => db.close());

describe('migrations/0002-carddav', () => {
  it('keeps the existing sources and contacts as they were', () => {
    updateToVersion(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT path, format, fingerprint, contact_count FROM sources').all()).toEqual([
      { path: '/home/a/friends.vcf', format: 'vcard', fingerprint: '1:2:abc', contact_count: 1 },
    ]);
    expect(db.prepare('SELECT source_id, source_key, display_name FROM contacts').all()).toEqual([
      { source_id: 1, source_key: 'uid:ada', display_name: 'Ada Lovelace' },
    ]);
  });

  it('adds accounts, books tied to a source, and cards that go with their source', () => {
    updateToVersion(db, 2);
    db.prepare(`INSERT INTO carddav_accounts (server_url, username, root_url, principal_url, home_url, added_at)
      VALUES ('https://dav.example.com/', 'ada', 'https://dav.example.com/', 'https://dav.example.com/ada/', 'https://dav.example.com/ada/', 'now')`).run();
    expect(() =>
      db.prepare(`INSERT INTO carddav_accounts (server_url, username, root_url, principal_url, home_url, added_at)
        VALUES ('https://dav.example.com/', 'ada', 'x', 'x', 'x', 'now')`).run(),
    ).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO sources (path, format) VALUES ('carddav:ada@dav.example.com/ada/contacts/', 'carddav')").run();
    db.prepare("INSERT INTO carddav_books (source_id, account_id, url) VALUES (2, 1, 'https://dav.example.com/ada/contacts/')").run();
    db.prepare("INSERT INTO carddav_cards (source_id, href, etag) VALUES (2, '/ada/contacts/1.vcf', '\"e1\"')").run();
    expect(db.prepare('SELECT sync_token, ctag, supports_sync, last_error FROM carddav_books').get()).toEqual({
      sync_token: null,
      ctag: null,
      supports_sync: 0,
      last_error: null,
    });
    db.prepare('DELETE FROM sources WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM carddav_books').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM carddav_cards').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM carddav_accounts').pluck().get()).toBe(1);
  });
});
