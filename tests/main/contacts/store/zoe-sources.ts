/** The person the link tests import from three files: the same Zoë, written three ways. */
import type { ContactRecord } from '../../../../src/main/contacts/model';
import { contact, type TestBook } from '../helpers';

export const PHONE = '/home/a/phone.vcf';
export const GOOGLE = '/home/a/google.csv';
export const OUTLOOK = '/home/a/outlook.csv';

export const zoePhone = contact('p-zoe', 'Zoë Åström', ['+46 70 123 45 67']);
export const zoeGoogle = contact('g-zoe', 'Zoe Astrom', ['+46701234567', '+46 8 123 456 78'], { emails: ['zoe@example.se'] });
export const zoeOutlook = contact('o-zoe', 'Åström, Zoë', [], { emails: ['ZOE@example.se'], company: 'Nordlicht AB' });

/** A whole-file import of `records` into the source at `path` of the book, as the importers run it. */
export const fileImporter = (book: () => TestBook) => (path: string, records: ContactRecord[]) =>
  book().store.importSource({ path, format: path.endsWith('.csv') ? 'csv' : 'vcard', fingerprint: `${path}:${JSON.stringify(records)}` }, (w) => {
    for (const r of records) w.upsert(r);
  });
