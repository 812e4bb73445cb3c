/**
 * One CSV row to a `ParsedContact`, following the column roles from `headers.ts`. Google puts
 * several values of one kind in one cell separated by ` ::: ` and the type of `Phone N - Value`
 * in `Phone N - Type` (old layout) or `Phone N - Label` (current); a leading `* ` there marks
 * the primary value and is not part of the type.
 */
import type { ParsedContact, ParsedPhone } from '../../model';
import type { ColumnMap } from './headers';

const GOOGLE_SEPARATOR = /\s+:::\s+/;

const splitValues = (cell: string): string[] =>
  cell
    .split(GOOGLE_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Builds the contact for one data row; `line` is where the row starts in the file (1-based). */
export function rowToContact(row: readonly string[], columns: ColumnMap, line: number): ParsedContact {
  const contact: ParsedContact = { line, phones: [], emails: [] };
  const groupLabels = new Map<string, string>();
  columns.forEach((role, i) => {
    if (role?.kind === 'groupLabel') {
      const label = (row[i] ?? '').replace(/^\s*\*\s*/, '').trim();
      if (label) groupLabels.set(role.group, label);
    }
  });
  let nickname: string | undefined;
  let fileAs: string | undefined;
  const setOnce = (key: 'formattedName' | 'givenName' | 'familyName' | 'middleName' | 'prefix' | 'suffix' | 'organization' | 'department' | 'title' | 'note' | 'uid', value: string): void => {
    if (value && contact[key] === undefined) contact[key] = value;
  };
  columns.forEach((role, i) => {
    const cell = row[i];
    if (!role || cell === undefined) return;
    const value = role.kind === 'note' ? cell.trim() : cell.replace(/\s+/g, ' ').trim();
    if (!value) return;
    switch (role.kind) {
      case 'name': return setOnce('formattedName', value);
      case 'given': return setOnce('givenName', value);
      case 'family': return setOnce('familyName', value);
      case 'middle': return setOnce('middleName', value);
      case 'prefix': return setOnce('prefix', value);
      case 'suffix': return setOnce('suffix', value);
      case 'nickname': nickname ??= value; return;
      case 'fileAs': fileAs ??= value; return;
      case 'org': return setOnce('organization', value);
      case 'department': return setOnce('department', value);
      case 'title': return setOnce('title', value);
      case 'note': return setOnce('note', value);
      case 'uid': return setOnce('uid', value);
      case 'photo':
        // A URL or data: URI (what our export writes); record.ts applies the size cap.
        if (!contact.photo && /^(?:https?:\/\/|data:)/i.test(value)) contact.photo = { kind: 'url', url: cell.trim() };
        return;
      case 'email':
        contact.emails.push(...splitValues(value));
        return;
      case 'phone': {
        const label = (role.group ? groupLabels.get(role.group) : undefined) ?? role.label;
        for (const v of splitValues(value)) {
          const phone: ParsedPhone = { value: v, types: [] };
          if (label) phone.label = label;
          contact.phones.push(phone);
        }
        return;
      }
      case 'groupLabel':
        return;
    }
  });
  // `File As` (Google's current layout, Outlook) names the contact when no name column does;
  // our own CSV export writes the display name there.
  if (fileAs && !contact.formattedName) contact.formattedName = fileAs;
  // A nickname names the contact only when the row has no other name at all.
  if (nickname && !contact.formattedName && !contact.givenName && !contact.familyName) contact.formattedName = nickname;
  return contact;
}
