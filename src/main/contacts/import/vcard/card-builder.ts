/**
 * Accumulates the properties of one card into a `ParsedContact`. Properties may come in any
 * order (VERSION last, X-ABLabel before its TEL), so group labels are applied when the card
 * ends. The first FN / N / ORG / TITLE / UID / PHOTO wins; NOTEs are joined.
 */
import type { ParsedContact, ParsedPhone, ParsedPhoto } from '../../model';
import { parsePhoto } from './photo';
import type { Property } from './property';
import { structuredValue, textValue } from './values';

export interface CardLimits {
  /** Base64 characters of an inline photo kept; a larger photo is dropped. */
  maxPhotoBase64Chars: number;
  /** Numbers and emails kept per card, so a hostile card cannot grow without bound. */
  maxValuesPerCard: number;
}

/** Total NOTE text kept per card (the line cap bounds one NOTE, this bounds many). */
const MAX_NOTES_CHARS = 1024 * 1024;

/** Apple wraps its built-in labels: `_$!<HomePage>!$_` → `HomePage`. */
const appleLabel = (s: string): string => s.replace(/^_\$!<(.*)>!\$_$/, '$1').trim();

const nonEmpty = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** `"Omega" <omega@example.com>` → `omega@example.com`; `mailto:` dropped. */
function emailAddress(text: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  return (angle?.[1] ?? text).trim().replace(/^mailto:/i, '');
}

export class CardBuilder {
  readonly contact: ParsedContact;
  private readonly groupOfPhone = new Map<ParsedPhone, string>();
  private readonly labels = new Map<string, string>();
  private hasN = false;
  private photo: ParsedPhoto | undefined;
  private notes: string[] = [];
  private notesLength = 0;

  constructor(
    line: number,
    private readonly fallbackCharset: string,
    private readonly limits: CardLimits,
  ) {
    this.contact = { line, phones: [], emails: [] };
  }

  add(prop: Property): void {
    const c = this.contact;
    const fallback = this.fallbackCharset;
    switch (prop.name) {
      case 'FN':
        c.formattedName ??= nonEmpty(textValue(prop, fallback));
        break;
      case 'N':
        if (!this.hasN) this.setName(structuredValue(prop, fallback));
        break;
      case 'ORG':
        if (c.organization === undefined && c.department === undefined) this.setOrg(structuredValue(prop, fallback));
        break;
      case 'TITLE':
        c.title ??= nonEmpty(textValue(prop, fallback));
        break;
      case 'UID':
        c.uid ??= nonEmpty(textValue(prop, fallback));
        break;
      case 'NOTE': {
        const note = nonEmpty(textValue(prop, fallback));
        // Many NOTE lines could otherwise add up past any single-line cap.
        if (note && this.notesLength + note.length <= MAX_NOTES_CHARS) {
          this.notes.push(note);
          this.notesLength += note.length;
        }
        break;
      }
      case 'TEL':
        this.addPhone(prop, textValue(prop, fallback));
        break;
      case 'EMAIL': {
        const email = emailAddress(textValue(prop, fallback));
        // An EMAIL without `@` (Android writes its own junk there) is not an address.
        if (email.includes('@') && c.emails.length < this.limits.maxValuesPerCard && !c.emails.includes(email)) c.emails.push(email);
        break;
      }
      case 'X-ABLABEL':
        if (prop.group) this.labels.set(prop.group, appleLabel(textValue(prop, fallback)));
        break;
      case 'PHOTO':
        this.photo ??= parsePhoto(prop, this.fallbackCharset, this.limits.maxPhotoBase64Chars) ?? undefined;
        break;
      default:
        break; // Unknown and unused properties (ADR, URL, X-*) are ignored.
    }
  }

  private setName(parts: string[]): void {
    const c = this.contact;
    const [family, given, middle, prefix, suffix] = parts.map((p) => nonEmpty(p));
    this.hasN = parts.some((p) => p.trim() !== '');
    // Only the parts present become keys (no `delete`: it would slow every contact object).
    if (family) c.familyName = family;
    if (given) c.givenName = given;
    if (middle) c.middleName = middle;
    if (prefix) c.prefix = prefix;
    if (suffix) c.suffix = suffix;
  }

  private setOrg(parts: string[]): void {
    const [org, ...units] = parts.map((p) => p.trim());
    const organization = nonEmpty(org);
    const department = nonEmpty(units.filter(Boolean).join(', '));
    if (organization) this.contact.organization = organization;
    if (department) this.contact.department = department;
  }

  private addPhone(prop: Property, text: string): void {
    // 4.0 `VALUE=uri`: the number is a tel: URI; RFC 3966 parameters (;ext=) stay for the normaliser.
    const value = text.trim().replace(/^tel:/i, '');
    if (!value || this.contact.phones.length >= this.limits.maxValuesPerCard) return;
    const types = [...prop.types];
    if (prop.params.has('PREF') && !types.includes('pref')) types.push('pref');
    const phone: ParsedPhone = { value, types };
    if (prop.group) this.groupOfPhone.set(phone, prop.group);
    this.contact.phones.push(phone);
  }

  /** The finished contact, with group labels applied. */
  finish(): ParsedContact {
    for (const [phone, group] of this.groupOfPhone) {
      const label = this.labels.get(group);
      if (label) phone.label = label;
    }
    if (this.notes.length) this.contact.note = this.notes.join('\n');
    if (this.photo) this.contact.photo = this.photo;
    return this.contact;
  }

  /** A name of any kind, a number or an email: what makes a record worth importing. */
  isUsable(): boolean {
    const c = this.contact;
    return Boolean(c.formattedName || c.givenName || c.familyName || c.organization || c.phones.length || c.emails.length);
  }
}
