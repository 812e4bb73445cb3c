/**
 * The widget's own filter over `/contacts/search` results
 * (ringcentral-embeddable `src/lib/searchContactPhoneNumbers.js`): one row per phone number,
 * kept when the joined names or the raw number contain the lower-cased term.
 */
import type { SearchRow, SimContact } from './types';

/**
 * Reproduces the widget's quirks on purpose: `undefined` names join as the text "undefined",
 * the term is lower-cased but numbers are compared raw, a contact without `phoneNumbers`
 * yields nothing, and a phone whose `phoneType` is not a string THROWS (the widget calls
 * `.replace` on it), which makes the caller lose every row of the query.
 */
export function searchContactPhoneNumbers(
  contacts: SimContact[],
  searchString: string,
  entityType: string,
): SearchRow[] {
  const term = searchString.toLowerCase();
  const rows: SearchRow[] = [];
  for (const item of contacts) {
    const name = (item.name as string) || `${String(item.firstName)} ${String(item.lastName)}`;
    const searched = `${String(item.firstName)} ${String(item.lastName)} ${String(item.name)}`.toLowerCase();
    if (!item.phoneNumbers) continue;
    for (const phone of item.phoneNumbers) {
      const number = phone.phoneNumber;
      const numberHit = typeof number === 'string' && number.length > 0 && number.includes(term);
      if (!searched.includes(term) && !numberHit) continue;
      if (typeof phone.phoneType !== 'string') {
        throw new TypeError(`phoneType of ${String(number)} is not a string`);
      }
      rows.push({
        id: `${String(item.id)}${String(number)}`,
        name,
        type: item.type,
        phoneNumber: number,
        phoneType: phone.phoneType.replace('Phone', ''),
        entityType,
        contactId: item.id,
      });
    }
  }
  return rows;
}
