/**
 * Rebuilds both search indexes from the stored contacts, with the current fold. A migration
 * calls it whenever what the index holds for a contact changes (the fold, the fields), so an
 * existing book finds what a fresh import would. Contacts are read in id-ordered chunks:
 * better-sqlite3 cannot write while a read cursor is open on the connection.
 */
import type { Database } from 'better-sqlite3';
import type { ContactRecord, PhoneRecord } from '../model';
import { decodeExtras } from './extras';
import { gramDocument, searchDocument, textFields } from './search-text';

const CHUNK = 2_000;

type Row = { id: number; displayName: string; givenName: string | null; familyName: string | null; company: string | null; extras: string | null };

export function rebuildSearchIndexes(db: Database): void {
  // Migration 0003 rebuilds before 0004 adds `extras`: a schema that lacks it has no extras to index.
  const hasExtras = db.prepare("SELECT 1 FROM pragma_table_info('contacts') WHERE name = 'extras'").get() !== undefined;
  const contacts = db.prepare(`SELECT id, display_name AS displayName, given_name AS givenName, family_name AS familyName,
    company, ${hasExtras ? 'extras' : 'NULL AS extras'} FROM contacts WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?`);
  const phones = db.prepare(`SELECT contact_id AS id, raw, e164, extension FROM phones
    WHERE contact_id BETWEEN ? AND ? ORDER BY contact_id, position`);
  const emails = db.prepare('SELECT contact_id AS id, address FROM emails WHERE contact_id BETWEEN ? AND ? ORDER BY contact_id, position');
  const insertSearch = db.prepare('INSERT INTO contact_search (rowid, text) VALUES (?, ?)');
  const insertGrams = db.prepare('INSERT INTO contact_grams (rowid, grams) VALUES (?, ?)');
  db.exec("INSERT INTO contact_search (contact_search) VALUES ('delete-all'); DELETE FROM contact_grams;");
  for (let after = 0; ; ) {
    const rows = contacts.all(after, CHUNK) as Row[];
    if (rows.length === 0) return;
    const first = rows[0]!.id;
    const last = rows[rows.length - 1]!.id;
    const records = new Map<number, ContactRecord>();
    for (const { extras, ...r } of rows) {
      records.set(r.id, { ...r, sourceKey: '', jobTitle: null, notes: null, avatar: null, phones: [], emails: [], extras: decodeExtras(extras) });
    }
    for (const p of phones.all(first, last) as Array<Pick<PhoneRecord, 'raw' | 'e164' | 'extension'> & { id: number }>) {
      records.get(p.id)?.phones.push({ raw: p.raw, e164: p.e164, extension: p.extension, type: 'other', label: null });
    }
    for (const e of emails.all(first, last) as Array<{ id: number; address: string }>) records.get(e.id)?.emails.push(e.address);
    for (const [id, record] of records) {
      const text = textFields(record);
      insertSearch.run(id, searchDocument(record, text));
      insertGrams.run(id, gramDocument(text));
    }
    after = last;
  }
}
