/**
 * Table rows for widget contacts, shared by `list`, `search` and `match`: one row per
 * number, the contact's own columns only on its first row.
 */
import type { WidgetContact } from '../../../shared/contact';

export const CONTACT_HEADERS = ['ID', 'NAME', 'COMPANY', 'NUMBER', 'TYPE', 'EMAIL'] as const;

/** One row per number (at least one row per contact). */
export function contactRows(c: WidgetContact, lead: readonly string[] = []): string[][] {
  const phones = c.phoneNumbers.length ? c.phoneNumbers : [{ phoneNumber: '', phoneType: '' }];
  return phones.map((p, i) => [
    ...lead.map((l) => (i === 0 ? l : '')),
    i === 0 ? c.id : '',
    i === 0 ? c.name : '',
    i === 0 ? (c.company ?? '') : '',
    p.phoneNumber,
    p.phoneType,
    i === 0 ? (c.emails ?? []).join(', ') : '',
  ]);
}
