import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 6);
  db.prepare("INSERT INTO sources (path, format) VALUES ('/home/a/phone.vcf', 'vcard'), ('/home/a/google.csv', 'csv')").run();
  db.prepare('UPDATE meta SET revision = 4').run();
  const contact = db.prepare('INSERT INTO contacts (source_id, source_key, display_name, rev, deleted) VALUES (?, ?, ?, ?, ?)');
  contact.run(1, 'p-zoe', 'Zoë Åström', 1, 0);
  contact.run(2, 'g-zoe', 'Astrom, Zoe', 2, 0);
  contact.run(2, 'g-ann', 'Ann Berg', 3, 0);
  contact.run(1, 'p-gone', 'Zoë Åström', 4, 1);
  const phone = db.prepare(`INSERT INTO phones (contact_id, position, raw, e164, extension, type, label, match_key, digits)
    VALUES (?, 0, ?, ?, NULL, 'mobile', NULL, ?, ?)`);
  phone.run(1, '+46 70 123 45 67', '+46701234567', '+46701234567', '46701234567');
  phone.run(2, '070-123 45 67', '+46701234567', '+46701234567', '0701234567');
  phone.run(3, '+46 70 123 45 67', '+46701234567', '+46701234567', '46701234567');
});
afterEach(() => db.close());

describe('migrations/0007-person-links', () => {
  it('links the contacts of an existing book that are one person, stamped for the next sync', () => {
    updateToVersion(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT id, name_key, person_id, rev, deleted FROM contacts ORDER BY id').all()).toEqual([
      { id: 1, name_key: 'astrom zoe', person_id: 1, rev: 5, deleted: 0 },
      { id: 2, name_key: 'astrom zoe', person_id: 1, rev: 5, deleted: 0 },
      { id: 3, name_key: 'ann berg', person_id: null, rev: 3, deleted: 0 },
      { id: 4, name_key: null, person_id: null, rev: 4, deleted: 1 },
    ]);
    expect(db.prepare('SELECT revision FROM meta').pluck().get()).toBe(5);
    expect(db.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(3);
  });

  it('keeps an unlink decision by source and key, and drops it with its source', () => {
    updateToVersion(db, 7);
    db.prepare("INSERT INTO unlinks (source_a, key_a, source_b, key_b) VALUES (1, 'p-zoe', 2, 'g-zoe')").run();
    db.prepare('DELETE FROM contacts WHERE source_id = 1').run();
    db.prepare('DELETE FROM sources WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM unlinks').pluck().get()).toBe(0);
  });
});
