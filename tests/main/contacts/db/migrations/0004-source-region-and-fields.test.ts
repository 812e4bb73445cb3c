/**
 * Migration 4 on a database holding version-3 rows: file sources, a CardDAV source, contacts
 * with numbers. Everything stays; sources gain `region`, contacts `extras`; file sources lose
 * their fingerprint so the next sync re-reads them; a backup is taken before it runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';
import { LATEST_VERSION } from '../../../../../src/main/contacts/db/migrations';
import { backupBeforeMigration } from '../../../../../src/main/db-backup';
import { createContactStore } from '../../../../../src/main/contacts/store';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'migration-4-'));
  path = join(dir, 'contacts.sqlite3');
  const db = new Sqlite(path);
  updateToVersion(db, 3);
  db.exec(`
    INSERT INTO sources (path, format, fingerprint, contact_count) VALUES ('/books/a.vcf', 'vcard', '10:20:abc', 1);
    INSERT INTO sources (path, format, fingerprint) VALUES ('/books/b.csv', 'csv', '11:21:def');
    INSERT INTO sources (path, format, fingerprint) VALUES ('carddav:alice@host/book/', 'carddav', 'token');
    INSERT INTO contacts (source_id, source_key, display_name, company, notes, rev) VALUES (1, 'uid:1', 'Ada Lovelace', 'Engines, Notes', 'First', 1);
    INSERT INTO phones (contact_id, position, raw, e164, type, match_key, digits) VALUES (1, 0, '0311111111', '+10311111111', 'mobile', '+10311111111', '0311111111');
    INSERT INTO emails (contact_id, position, address) VALUES (1, 0, 'ada@example.com');
    UPDATE meta SET revision = 1;
  `);
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations/0004-source-region-and-fields', () => {
  it('is taken after a backup of the version-3 file', () => {
    const backup = backupBeforeMigration(path, join(dir, 'backups'), { appSchemaVersion: LATEST_VERSION });
    expect(backup).toMatchObject({ ok: true, value: { backedUp: true, fromVersion: 3 } });
    if (backup.ok && backup.value.backedUp) expect(existsSync(backup.value.path)).toBe(true);
  });

  it('keeps every version-3 row, adds region and extras, and makes the next sync re-read file sources', () => {
    const db = new Sqlite(path);
    updateToVersion(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT path, format, fingerprint, region, contact_count FROM sources ORDER BY id').all()).toEqual([
      { path: '/books/a.vcf', format: 'vcard', fingerprint: '', region: null, contact_count: 1 },
      { path: '/books/b.csv', format: 'csv', fingerprint: '', region: null, contact_count: 0 },
      { path: 'carddav:alice@host/book/', format: 'carddav', fingerprint: 'token', region: null, contact_count: 0 },
    ]);
    // The store reads the newest schema; later steps only add columns.
    updateToVersion(db, LATEST_VERSION);
    const store = createContactStore({ db });
    const details = store.getDetails('1');
    expect(details).toMatchObject({
      displayName: 'Ada Lovelace',
      company: 'Engines, Notes',
      notes: 'First',
      emails: ['ada@example.com'],
      phones: [{ raw: '0311111111', e164: '+10311111111' }],
      nickname: null,
      dates: [],
      addresses: [],
    });
    expect(store.syncState().revision).toBe(1);
    db.close();
  });
});
