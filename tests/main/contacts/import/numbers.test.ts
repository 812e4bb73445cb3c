/**
 * Numbers written without a country code get one only when they are valid in the region the
 * file was imported with; everything else is kept, shown and dialled as written, still found by
 * its digits, and counted in the report with the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile, type ImportReport } from '../../../../src/main/contacts/import/importer';
import type { CountryCode } from '../../../../src/main/contacts/phone';
import { createContactService } from '../../../../src/main/contacts/service';
import { createContactStore, type ContactStore } from '../../../../src/main/contacts/store';
import { dialString } from '../../../../src/renderer/contact-view/format';

const FIXTURES = new URL('../../../fixtures/numbers/', import.meta.url).pathname;

let dir: string;
let db: Database;
let store: ContactStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'numbers-'));
  db = openDatabase(join(dir, 'contacts.db'));
  store = createContactStore({ db });
});
afterEach(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const load = (file: string, region?: CountryCode): ImportReport => {
  const r = importFile(store, join(FIXTURES, file), region ? { region } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** raw → [stored E.164, what the contact window dials] for every stored number. */
const numbers = (): Record<string, [string | null, string | null]> =>
  Object.fromEntries([...store.allDetails()].flatMap((c) => c.phones.map((p) => [p.raw, [p.e164, dialString(p)]])));
const reasons = (r: ImportReport): Record<string, number> => Object.fromEntries(r.numbersKeptAsWritten.map((k) => [k.reason, k.count]));

describe('import/numbers without a country code', () => {
  it('US: the Swedish and the impossible number are kept as written, the valid one gets +1', () => {
    const report = load('local-numbers.csv', 'US');
    expect(numbers()).toEqual({
      '08-555 123 45': [null, '0855512345'],
      '0311111111': [null, '0311111111'],
      '1234': [null, '1234'],
      '205333': [null, '205333'],
      '(212) 555-0123': ['+12125550123', '+12125550123'],
      '030 12345678': [null, '03012345678'],
      '070-123 45 67': [null, '0701234567'],
      '+46 8 555 123 45': ['+46855512345', '+46855512345'],
      '0049 30 12345678': ['+493012345678', '+493012345678'],
    });
    expect(reasons(report)).toEqual({ 'not a valid US number': 4, 'short number (extension or internal line)': 2 });
    expect(report.numbersKeptAsWritten.find((k) => k.reason === 'not a valid US number')?.example).toBe('08-555 123 45');
  });

  it('DE: extensions stay as they are, the Berlin number gets +49', () => {
    const report = load('local-numbers.csv', 'DE');
    expect(numbers()).toMatchObject({
      '1234': [null, '1234'],
      '205333': [null, '205333'],
      '030 12345678': ['+493012345678', '+493012345678'],
      '(212) 555-0123': [null, '2125550123'],
      '0311111111': [null, '0311111111'],
    });
    expect(reasons(report)['short number (extension or internal line)']).toBe(2);
    expect(reasons(report)['not a valid DE number']).toBeGreaterThan(0);
  });

  it('SE: the Stockholm and mobile numbers get +46', () => {
    load('local-numbers.vcf', 'SE');
    load('local-numbers.csv', 'SE');
    expect(numbers()).toMatchObject({
      '08-555 123 45': ['+46855512345', '+46855512345'],
      '070-123 45 67': ['+46701234567', '+46701234567'],
      '1234': [null, '1234'],
      '(212) 555-0123': [null, '2125550123'],
    });
  });

  it('no region: only numbers written internationally get an E.164 form, and the report says why', () => {
    const report = load('local-numbers.vcf');
    expect(numbers()).toEqual({
      '08-555 123 45': [null, '0855512345'],
      '1234': [null, '1234'],
      '(212) 555-0123': [null, '2125550123'],
      '0311111111': [null, '0311111111'],
      '030 12345678': [null, '03012345678'],
      '205333': [null, '205333'],
    });
    expect(reasons(report)).toEqual({ 'no country code and no region': 4, 'short number (extension or internal line)': 2 });
  });

  it('numbers kept as written are still found by their digits and matched by them', () => {
    load('local-numbers.vcf', 'US');
    const service = createContactService({ store, serviceName: 'AddressBook', region: () => 'US' });
    const search = service.search({ searchString: '855512' });
    expect(search.ok && search.value.data.map((c) => c.name)).toEqual(['Stockholm Office']);
    const match = service.match({ phoneNumbers: ['0855512345'] });
    expect(match.ok && match.value.data['0855512345']?.map((c) => c.name)).toEqual(['Stockholm Office']);
    // The widget is given the number as written, not an invented +1 form.
    const list = service.handle('/contacts', {});
    const sent = list.ok ? (list.value as { data: Array<{ name: string; phoneNumbers: Array<{ phoneNumber: string }> }> }).data : [];
    expect(sent.find((c) => c.name === 'Stockholm Office')?.phoneNumbers.map((p) => p.phoneNumber)).toEqual(['08-555 123 45', '1234']);
  });
});
