/**
 * The name the widget shows for a contact, decided in one place. Never empty: an empty name
 * renders as a blank row.
 */

export interface NameFields {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  emails: readonly string[];
  phones: ReadonlyArray<{ raw: string }>;
}

/** Display name, else given + family, company, first e-mail, first number as written. */
export function widgetName(c: NameFields, fallback = ''): string {
  // Most contacts have a display name; the rest is only built when they do not (list hot path).
  if (c.displayName) return c.displayName;
  const joined = [c.givenName, c.familyName].filter(Boolean).join(' ');
  return joined || c.company || c.emails[0] || c.phones[0]?.raw || fallback;
}
