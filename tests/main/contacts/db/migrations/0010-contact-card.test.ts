import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, updateToVersion } from '../../../../../src/main/contacts/db/migrate';
import { createContactService } from '../../../../../src/main/contacts/service';
import { createContactStore } from '../../../../../src/main/contacts/store';
import { rankNames } from '../../../../../src/main/contacts/store/rank-names';

let db: Sqlite.Database;
beforeEach(() => {
  db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  updateToVersion(db, 9);
  db.prepare("INSERT INTO sources (path, format) VALUES ('/home/a/phone.vcf', 'vcard')").run();
  const contact = db.prepare('INSERT INTO contacts (source_id, source_key, display_name, rank_names, rev, deleted) VALUES (1, ?, ?, ?, 1, ?)');
  contact.run('zoe', 'Zoë Åström', rankNames({ displayName: 'Zoë Åström', givenName: null, familyName: null, company: null }), 0);
  contact.run('mail-only', 'Ann Berg', null, 0);
  contact.run('gone', 'Old Friend', null, 1);
  const phone = db.prepare(`INSERT INTO phones (contact_id, position, raw, e164, extension, type, label, match_key, digits)
    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Written out of position order: the card keeps the file's order, not the insertion order.
  phone.run(1, '08-123 456 78 x12', '+46812345678', '12', 'business', 'Office', '+46812345678', '0812345678');
  phone.run(0, '+46 70 123 45 67', '+46701234567', null, 'mobile', null, '+46701234567', '46701234567');
  const email = db.prepare('INSERT INTO emails (contact_id, position, address) VALUES (?, ?, ?)');
  email.run(1, 1, 'zoe@work.example');
  email.run(1, 0, 'zoe@home.example');
  email.run(2, 0, 'ann@example.org');
});
afterEach(() => db.close());

describe('migrations/0010-contact-card', () => {
  it("writes each live contact's numbers and e-mails, in file order, onto its row; tombstones keep none", () => {
    updateToVersion(db, 10);
    expect(schemaVersion(db)).toBe(10);
    const cards = db.prepare('SELECT source_key, card FROM contacts ORDER BY id').all() as Array<{ source_key: string; card: string | null }>;
    expect(cards.map((c) => [c.source_key, c.card === null ? null : JSON.parse(c.card)])).toEqual([
      [
        'zoe',
        [
          [
            ['+46 70 123 45 67', '+46701234567', null, 'mobile', null],
            ['08-123 456 78 x12', '+46812345678', '12', 'business', 'Office'],
          ],
          ['zoe@home.example', 'zoe@work.example'],
        ],
      ],
      ['mail-only', [[], ['ann@example.org']]],
      ['gone', null],
    ]);
    expect(db.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(2);
  });

  it('lets the widget read a migrated contact with every number and e-mail', () => {
    migrate(db);
    const service = createContactService({ store: createContactStore({ db }), serviceName: 'Address Book' });
    const list = service.list({ page: 1, syncTimestamp: null });
    expect(list.ok && list.value.data.map((c) => [c.name, c.phoneNumbers.map((p) => p.phoneNumber), 'emails' in c ? c.emails : undefined])).toEqual([
      ['Zoë Åström', ['+46701234567', '+46812345678'], ['zoe@home.example', 'zoe@work.example']],
      ['Ann Berg', [], ['ann@example.org']],
    ]);
    const match = service.match({ phoneNumbers: ['+46812345678'] });
    expect(match.ok && match.value.data['+46812345678']?.map((c) => c.name)).toEqual(['Zoë Åström']);
  });
});
