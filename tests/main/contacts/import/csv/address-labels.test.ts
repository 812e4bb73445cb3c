/**
 * A postal address's label, the address as printed (vCard LABEL, Google's `Address N - Formatted`),
 * survives CSV both ways: export writes it to `Address 1 - Formatted` beside the parts (the type in
 * `Address 1 - Label`), and import keeps that column as the label. Alone, a Formatted cell is all
 * the file says of the address: its street.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { exportContacts } from '../../../../../src/main/contacts/import/export';
import { importFile } from '../../../../../src/main/contacts/import/importer';
import { must, openTestBook, type TestBook } from '../../helpers';

let first: TestBook;
let second: TestBook;
beforeEach(() => {
  first = openTestBook();
  second = openTestBook();
});
afterEach(() => {
  first.close();
  second.close();
});

const VCARD = [
  'BEGIN:VCARD', 'VERSION:3.0', 'FN:Lena Berg', 'TEL;TYPE=CELL:+46 70 123 45 67',
  'item1.ADR;TYPE=HOME:;;Storgatan 1;Stockholm;;111 22;Sweden',
  'item1.LABEL;TYPE=HOME:Storgatan 1\\n111 22 Stockholm\\nSweden',
  'item2.ADR:;;Skeppsbron 3;Visby;;621 57;Sweden',
  'item2.X-ABLabel:Sommarstuga',
  'END:VCARD', '',
].join('\r\n');

it("writes a vCard address's label to Google's Formatted column, and reads it back from there", () => {
  const vcf = join(first.dir, 'lena.vcf');
  writeFileSync(vcf, VCARD);
  must(importFile(first.store, vcf, { region: 'SE' }));
  const [lena] = [...first.store.allDetails()];
  expect(lena!.addresses).toEqual([
    { type: 'home', poBox: '', extended: '', street: 'Storgatan 1', locality: 'Stockholm', region: '', postalCode: '111 22', country: 'Sweden', label: 'Storgatan 1\n111 22 Stockholm\nSweden' },
    { type: 'Sommarstuga', poBox: '', extended: '', street: 'Skeppsbron 3', locality: 'Visby', region: '', postalCode: '621 57', country: 'Sweden' },
  ]);

  const csv = join(first.dir, 'lena.csv');
  must(exportContacts(first.store, 'csv', csv));
  const [row] = parse(readFileSync(csv), { columns: true }) as Array<Record<string, string>>;
  expect(row).toMatchObject({
    'Address 1 - Label': 'home', 'Address 1 - Formatted': 'Storgatan 1\n111 22 Stockholm\nSweden', 'Address 1 - Street': 'Storgatan 1',
    'Address 2 - Label': 'Sommarstuga', 'Address 2 - Formatted': '', 'Address 2 - City': 'Visby',
  });

  const report = must(importFile(second.store, csv, { region: 'SE' }));
  expect(report).toMatchObject({ added: 1, ignoredColumns: [] });
  expect([...second.store.allDetails()][0]!.addresses).toEqual(lena!.addresses);
});

it("reads Google's Formatted beside the parts as the label, and alone as the street", () => {
  const csv = join(first.dir, 'google.csv');
  writeFileSync(csv, [
    'First Name,Last Name,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - Postal Code,Address 2 - Label,Address 2 - Formatted',
    'Lena,Berg,Mobile,+46 70 123 45 67,Home,"Storgatan 1\n111 22 Stockholm",Storgatan 1,Stockholm,111 22,Work,"Kungsgatan 5, Stockholm"',
    '',
  ].join('\r\n'));
  must(importFile(first.store, csv, { region: 'SE' }));
  expect([...first.store.allDetails()][0]!.addresses).toEqual([
    { type: 'home', poBox: '', extended: '', street: 'Storgatan 1', locality: 'Stockholm', region: '', postalCode: '111 22', country: '', label: 'Storgatan 1\n111 22 Stockholm' },
    { type: 'work', poBox: '', extended: '', street: 'Kungsgatan 5, Stockholm', locality: '', region: '', postalCode: '', country: '' },
  ]);
});
