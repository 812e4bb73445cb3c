import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 1);
});
afterEach(() => db.close());

describe('migrations/0001-initial', () => {
  it('sets user_version 1 and creates the tables', () => {
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['contacts', 'emails', 'meta', 'phones', 'sources', 'contact_search', 'contact_grams']));
  });

  it('creates one meta row with a random database id and revision 0', () => {
    const meta = db.prepare('SELECT * FROM meta').all() as Array<{ database_id: string; revision: number }>;
    expect(meta).toHaveLength(1);
    expect(meta[0]!.database_id).toMatch(/^[0-9a-f]{32}$/);
    expect(meta[0]!.revision).toBe(0);
    const other = new Sqlite(':memory:');
    updateToVersion(other, 1);
    expect(other.prepare('SELECT database_id FROM meta').pluck().get()).not.toBe(meta[0]!.database_id);
    other.close();
    expect(() => db.prepare("INSERT INTO meta (id, database_id) VALUES (2, 'x')").run()).toThrow(/CHECK/);
  });

  it('keeps source keys unique per source and cascades phones and emails', () => {
    db.prepare("INSERT INTO sources (path, format) VALUES ('/a.vcf', 'vcard')").run();
    const insert = db.prepare("INSERT INTO contacts (source_id, source_key, rev) VALUES (1, ?, 1)");
    insert.run('k1');
    expect(() => insert.run('k1')).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO phones (contact_id, position, raw, type, match_key, digits) VALUES (1, 0, '101', 'phone', '101', '101')").run();
    db.prepare("INSERT INTO emails (contact_id, position, address) VALUES (1, 0, 'a@b.c')").run();
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM emails').pluck().get()).toBe(0);
  });

  it('never reuses a contact id', () => {
    const insert = db.prepare("INSERT INTO contacts (source_key, rev) VALUES (?, 1)");
    insert.run('a');
    const second = Number(insert.run('b').lastInsertRowid);
    db.prepare('DELETE FROM contacts WHERE id = ?').run(second);
    expect(Number(insert.run('c').lastInsertRowid)).toBe(second + 1);
  });

  it('indexes phones by match key and extension and contacts by revision', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    expect(plan("SELECT contact_id FROM phones WHERE match_key = '+1'")).toMatch(/phones_match_key/);
    expect(plan("SELECT contact_id FROM phones WHERE extension = '101'")).toMatch(/phones_extension/);
    expect(plan('SELECT id FROM contacts WHERE rev > 5 ORDER BY rev, id')).toMatch(/contacts_rev/);
  });

  it('creates a trigram index that finds substrings and a 1-2-gram index', () => {
    db.prepare("INSERT INTO contact_search (rowid, text) VALUES (7, 'jose muller')").run();
    expect(db.prepare(`SELECT rowid FROM contact_search WHERE contact_search MATCH '"mull"'`).pluck().all()).toEqual([7]);
    db.prepare("INSERT INTO contact_grams (rowid, grams) VALUES (7, 'g6a g6ax6f')").run();
    expect(db.prepare(`SELECT rowid FROM contact_grams WHERE contact_grams MATCH 'g6ax6f'`).pluck().all()).toEqual([7]);
    db.prepare('DELETE FROM contact_grams WHERE rowid = 7').run();
    expect(db.prepare(`SELECT rowid FROM contact_grams WHERE contact_grams MATCH 'g6a'`).pluck().all()).toEqual([]);
  });
});
