/**
 * Shared test fixtures for the contact core: a real SQLite file in a fresh temp folder, and
 * contact records built from a few fields.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PhoneType } from '../../../src/shared/contact';
import { closeDatabase, openDatabase, type Database } from '../../../src/main/contacts/db/open';
import type { ContactRecord, PhoneRecord } from '../../../src/main/contacts/model';
import { normalizePhone, type CountryCode } from '../../../src/main/contacts/phone';
import { createContactService, type ContactService } from '../../../src/main/contacts/service';
import { createContactStore } from '../../../src/main/contacts/store';
import type { ContactStore } from '../../../src/main/contacts/store/types';

export interface TestBook {
  dir: string;
  path: string;
  db: Database;
  store: ContactStore;
  service: ContactService;
  close(): void;
}

/** A fresh database file in a temp folder, with a store and a service over it. */
export function openTestBook(
  options: { pageSize?: number; region?: CountryCode; serviceName?: string; showRemotePhotos?: boolean; maxReplyBytes?: number } = {},
): TestBook {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-test-'));
  const path = join(dir, 'contacts.sqlite3');
  const db = openDatabase(path);
  const store = createContactStore({ db, clock: () => new Date('2026-01-02T03:04:05Z') });
  const service = createContactService({
    store,
    serviceName: options.serviceName ?? 'AddressBook',
    region: () => options.region ?? 'US',
    pageSize: options.pageSize,
    showRemotePhotos: options.showRemotePhotos,
    maxReplyBytes: options.maxReplyBytes,
  });
  return {
    dir,
    path,
    db,
    store,
    service,
    close() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A phone record normalised as the importers do. */
export function phone(raw: string, type: PhoneType = 'mobile', region: CountryCode = 'US'): PhoneRecord {
  const n = normalizePhone(raw, region);
  return { raw: n.raw, e164: n.e164, extension: n.extension, type, label: null };
}

/** A contact record; `name` is "Given Family". */
export function contact(key: string, name: string, numbers: string[] = [], extra: Partial<ContactRecord> = {}): ContactRecord {
  const [givenName = null, ...rest] = name.split(' ');
  return {
    sourceKey: key,
    displayName: name,
    givenName,
    familyName: rest.length ? rest.join(' ') : null,
    company: null,
    jobTitle: null,
    notes: null,
    avatar: null,
    phones: numbers.map((n) => phone(n)),
    emails: [],
    ...extra,
  };
}

/** The id the store gave a contact of the manual source. */
export function idOf(db: Database, sourceKey: string): string {
  const row = db.prepare('SELECT id FROM contacts WHERE source_key = ?').get(sourceKey) as { id: number } | undefined;
  if (!row) throw new Error(`no contact ${sourceKey}`);
  return String(row.id);
}

/** The value of an ok Result; throws with the error's message otherwise. */
export const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Rewrites a file and moves its mtime on, so sync sees it changed even within one millisecond. */
export function rewriteFile(path: string, content: string | Buffer): void {
  writeFileSync(path, content);
  const later = new Date(Date.now() + 5_000);
  utimesSync(path, later, later);
}
