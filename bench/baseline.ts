/**
 * The raw better-sqlite3 baseline: the simplest schema that answers the same questions
 * (contacts, phones indexed by E.164, a trigram FTS table), queried directly, so the
 * service's overhead over plain SQLite is visible in the same run on the same rows.
 */
import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import type { ContactRecord } from '../src/main/contacts/model';
import type { QueryPools } from './queries';
import { percentile, sample, time } from './stats';
import type { BenchContext, Figure } from './types';

export function runBaseline(ctx: BenchContext, book: readonly ContactRecord[], pools: QueryPools): Figure[] {
  const db = new Sqlite(join(ctx.dir, 'baseline.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, given TEXT, family TEXT, company TEXT);
    CREATE TABLE phones (contact_id INTEGER, position INTEGER, e164 TEXT, raw TEXT, type TEXT, PRIMARY KEY (contact_id, position)) WITHOUT ROWID;
    CREATE INDEX phones_e164 ON phones (e164);
    CREATE VIRTUAL TABLE search USING fts5(text, tokenize = 'trigram remove_diacritics 1', content = '');`);
  const insContact = db.prepare('INSERT INTO contacts VALUES (?, ?, ?, ?, ?)');
  const insPhone = db.prepare('INSERT INTO phones VALUES (?, ?, ?, ?, ?)');
  const insSearch = db.prepare('INSERT INTO search (rowid, text) VALUES (?, ?)');
  const importMs = time(() =>
    db.transaction(() => {
      book.forEach((r, i) => {
        insContact.run(i + 1, r.displayName, r.givenName, r.familyName, r.company);
        r.phones.forEach((p, k) => insPhone.run(i + 1, k, p.e164, p.raw, p.type));
        insSearch.run(i + 1, [r.displayName, r.company, ...r.emails, ...r.phones.map((p) => p.e164)].join('\n'));
      });
    })(),
  );

  const contactsOf = db.prepare('SELECT id, name, given, family, company FROM contacts WHERE id IN (SELECT value FROM json_each(?))');
  const phonesOf = db.prepare('SELECT contact_id, e164, raw, type FROM phones WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, position');
  const respond = (ids: number[]): unknown[] => {
    const json = JSON.stringify(ids);
    const phones = phonesOf.all(json);
    return [contactsOf.all(json), phones];
  };
  const match = db.prepare('SELECT e164, contact_id AS id FROM phones WHERE e164 IN (SELECT value FROM json_each(?))');
  const batches = pools.matchBatches(30, 1000);
  const matchTimes = sample(batches.length, (i) => respond((match.all(JSON.stringify(batches[i])) as Array<{ id: number }>).map((r) => r.id)));

  const fts = db.prepare('SELECT rowid FROM search WHERE search MATCH ? LIMIT 50').pluck();
  const three = pools.searches(3, 300);
  const ftsTimes = sample(three.length, (i) => respond(fts.all(`"${three[i]!.replace(/"/g, '""')}"`) as number[]));
  const like = db.prepare(`SELECT id FROM contacts WHERE name LIKE ? ESCAPE '\\' OR company LIKE ? ESCAPE '\\' LIMIT 50`).pluck();
  const ones = pools.searches(1, 300);
  const likeTimes = sample(ones.length, (i) => {
    const pattern = `%${ones[i]!.replace(/[%_\\]/g, '\\$&')}%`;
    return respond(like.all(pattern, pattern) as number[]);
  });

  const page = db.prepare('SELECT id FROM contacts WHERE id > ? ORDER BY id LIMIT 500').pluck();
  const listMs = time(() => {
    for (let after = 0; ; ) {
      const ids = page.all(after) as number[];
      if (!ids.length) break;
      respond(ids);
      after = ids[ids.length - 1]!;
    }
  });
  db.close();
  return [
    { name: 'baseline_import_contacts_per_s', value: (book.length / importMs) * 1000, unit: '/s', target: null, better: 'higher' },
    { name: 'baseline_match_30_p99_ms', value: percentile(matchTimes, 99), unit: 'ms', target: null },
    { name: 'baseline_search_3char_fts_p99_ms', value: percentile(ftsTimes, 99), unit: 'ms', target: null },
    { name: 'baseline_search_1char_like_p99_ms', value: percentile(likeTimes, 99), unit: 'ms', target: null },
    { name: 'baseline_list_all_pages_ms', value: listMs, unit: 'ms', target: null },
  ];
}
