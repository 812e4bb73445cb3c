/**
 * Schema version 10: `contacts.card`, each live contact's numbers and e-mails as one JSON value
 * on its row (store/card.ts), built from its `phones` and `emails` rows; tombstones keep NULL.
 */
import type { Database } from 'better-sqlite3';
import { CARD_SQL } from '../../store/card';

export const version = 10;

export function migrateTo0010(db: Database): void {
  db.exec(`ALTER TABLE contacts ADD COLUMN card TEXT;
    UPDATE contacts SET card = ${CARD_SQL} WHERE deleted = 0;`);
}
