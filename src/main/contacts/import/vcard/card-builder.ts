/**
 * Accumulates the properties of one card into a `ParsedContact`. Properties may come in any
 * order (VERSION last, X-ABLabel before its TEL), so group labels are applied when the card
 * ends. The first FN / N / ORG / TITLE / UID / PHOTO wins; NOTEs are joined.
 */
import type { ParsedContact, ParsedPhone, ParsedPhoto } from '../../model';
import { capText, MAX_EMAIL_CHARS, MAX_EXTRA_CHARS, MAX_EXTRA_VALUES, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_NUMBER_CHARS, noteDropped, rawBytesFor } from '../caps';
import { APPLE_LABEL, CardExtras, type ValueReader } from './extras';
import { parsePhoto } from './photo';
import type { Property } from './property';
import { rawText, splitList, structuredValue, textValue } from './values';

export interface CardLimits {
  /** Base64 characters of an inline photo kept; a larger photo is dropped. */
  maxPhotoBase64Chars: number;
  /** Numbers and emails kept per card, so a hostile card cannot grow without bound. */
  maxValuesPerCard: number;
}


/** Apple wraps its built-in labels: `_$!<HomePage>!$_` → `HomePage`. */
const appleLabel = (s: string): string => s.replace(APPLE_LABEL, '$1').trim();

const nonEmpty = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** `"Omega" <omega@example.com>` → `omega@example.com`; `mailto:` dropped. */
function emailAddress(text: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  return (angle?.[1] ?? text).trim().replace(/^mailto:/i, '');
}

/**
 * Properties about the card itself or derived from what is kept (sort keys, an address's format
 * country, a mail client's HTML preference), not about the person: never reported as left out.
 */
const NOT_USER_DATA = new Set([
  'VERSION', 'PRODID', 'REV', 'KIND', 'PROFILE', 'NAME', 'SOURCE', 'MAILER', 'CLASS', 'X-PRODID', 'X-GENERATOR',
  'X-ABSHOWAS', 'X-ABUID', 'X-ABADR', 'SORT-STRING', 'X-EVOLUTION-FILE-AS', 'X-MOZILLA-HTML',
  'X-MS-OL-DESIGN', 'X-MS-OL-DEFAULT-POSTAL-ADDRESS',
]);

export class CardBuilder implements ValueReader {
  readonly contact: ParsedContact;
  private readonly groupOfPhone = new Map<ParsedPhone, string>();
  private readonly labels = new Map<string, string>();
  private hasN = false;
  private photo: ParsedPhoto | undefined;
  private notes: string[] = [];
  private notesLength = 0;
  /** What the caps (../caps.ts) cut or dropped from this card, for the report. */
  readonly trimmed: string[] = [];
  /** Properties holding a value that no field of the store keeps, for the report. */
  readonly unread = new Set<string>();
  private readonly dropped = { numbersTooLong: 0, numbersBeyond: 0, emailsTooLong: 0, emailsBeyond: 0, notes: 0 };
  private readonly extras = new CardExtras(this, this.trimmed);

  constructor(
    line: number,
    private readonly fallbackCharset: string,
    private readonly limits: CardLimits,
  ) {
    this.contact = { line, phones: [], emails: [] };
  }

  /**
   * The value as text, at most `max` characters: the raw bytes are cut before decoding (so a
   * 10 MB value of escapes never decodes whole), the text after; a cut is noted.
   */
  text(prop: Property, max: number): string {
    const raw = rawBytesFor(max);
    const cut = prop.value.length > raw;
    const text = textValue(cut ? { ...prop, value: prop.value.slice(0, raw) } : prop, this.fallbackCharset);
    if (!cut) return capText(text, max, prop.name, this.trimmed);
    this.trimmed.push(`${prop.name} of ${prop.value.length.toLocaleString('en-US')} bytes cut to ${max.toLocaleString('en-US')} characters`);
    return text.slice(0, max);
  }

  /** Structured values (N, ORG, ADR) with the raw bytes cut as in `text`; the parts are capped later. */
  parts(prop: Property): string[] {
    return structuredValue(this.bounded(prop, rawBytesFor(MAX_NAME_CHARS)), this.fallbackCharset);
  }

  /** A comma-separated list (CATEGORIES) with the raw bytes cut as in `text`; the items are capped later. */
  list(prop: Property): string[] {
    return splitList(rawText(this.bounded(prop, rawBytesFor(MAX_EXTRA_CHARS) * MAX_EXTRA_VALUES), this.fallbackCharset));
  }

  param(prop: Property, name: string): string | undefined {
    const values = prop.params.get(name);
    if (!values?.length) return undefined;
    const raw = values.join(',').slice(0, rawBytesFor(MAX_EXTRA_CHARS));
    return rawText({ ...prop, encoding: null, value: raw }, this.fallbackCharset);
  }

  /** The property with its raw value cut to `raw` bytes, the cut noted. */
  private bounded(prop: Property, raw: number): Property {
    if (prop.value.length <= raw) return prop;
    this.trimmed.push(`${prop.name} of ${prop.value.length.toLocaleString('en-US')} bytes cut to its first ${raw.toLocaleString('en-US')}`);
    return { ...prop, value: prop.value.slice(0, raw) };
  }

  /** A number or email value, or null when it is over `max` (counted, not decoded). */
  private listValue(prop: Property, max: number, tooLong: 'numbersTooLong' | 'emailsTooLong'): string | null {
    const text = prop.value.length > rawBytesFor(max) ? null : textValue(prop, this.fallbackCharset);
    if (text !== null && text.trim().length <= max) return text;
    this.dropped[tooLong]++;
    return null;
  }

  add(prop: Property): void {
    const c = this.contact;
    switch (prop.name) {
      case 'FN':
        c.formattedName ??= nonEmpty(this.text(prop, MAX_NAME_CHARS));
        break;
      case 'N':
        if (this.extras.isPhoneticName(prop) || this.hasN) break;
        this.setName(this.parts(prop));
        this.extras.sortAs(prop, [c.familyName ?? '', c.givenName ?? '']);
        break;
      case 'ORG':
        if (c.organization === undefined && c.department === undefined) this.setOrg(this.parts(prop));
        break;
      case 'TITLE':
        c.title ??= nonEmpty(this.text(prop, MAX_NAME_CHARS));
        break;
      case 'UID':
        c.uid ??= nonEmpty(this.text(prop, MAX_NAME_CHARS));
        break;
      case 'NOTE': {
        if (this.notesLength >= MAX_NOTE_CHARS) {
          this.dropped.notes++;
          break;
        }
        const note = nonEmpty(this.text(prop, MAX_NOTE_CHARS - this.notesLength));
        if (note) {
          this.notes.push(note);
          this.notesLength += note.length;
        }
        break;
      }
      case 'TEL': {
        if (c.phones.length >= this.limits.maxValuesPerCard) {
          this.dropped.numbersBeyond++;
          break;
        }
        const text = this.listValue(prop, MAX_NUMBER_CHARS, 'numbersTooLong');
        if (text !== null) this.addPhone(prop, text);
        break;
      }
      case 'EMAIL': {
        if (c.emails.length >= this.limits.maxValuesPerCard) {
          this.dropped.emailsBeyond++;
          break;
        }
        const text = this.listValue(prop, MAX_EMAIL_CHARS, 'emailsTooLong');
        const email = text === null ? '' : emailAddress(text);
        // An EMAIL without `@` (Android writes its own junk there) is not an address.
        if (email.includes('@') && !c.emails.includes(email)) c.emails.push(email);
        break;
      }
      case 'X-ABLABEL':
        // Kept as written: the extras tell Apple's built-in labels (`_$!<Anniversary>!$_`) from the user's.
        if (prop.group) this.labels.set(prop.group, this.text(prop, MAX_NAME_CHARS).trim());
        break;
      case 'PHOTO':
        this.photo ??= parsePhoto(prop, this.fallbackCharset, this.limits.maxPhotoBase64Chars) ?? undefined;
        break;
      default:
        // What no field holds (IMPP, RELATED, X-SOCIALPROFILE, GEO…) is named in the report, not dropped silently.
        if (!this.extras.add(prop) && !NOT_USER_DATA.has(prop.name) && prop.value.trim() !== '') this.unread.add(prop.name);
        break;
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
    this.extras.setUnits(units);
  }

  private addPhone(prop: Property, text: string): void {
    // 4.0 `VALUE=uri`: the number is a tel: URI; RFC 3966 parameters (;ext=) stay for the normaliser.
    const value = text.trim().replace(/^tel:/i, '');
    if (!value) return;
    const types = [...prop.types];
    if (prop.params.has('PREF') && !types.includes('pref')) types.push('pref');
    const phone: ParsedPhone = { value, types };
    if (prop.group) this.groupOfPhone.set(phone, prop.group);
    this.contact.phones.push(phone);
  }

  /** The finished contact, with group labels applied. */
  finish(): ParsedContact {
    for (const [phone, group] of this.groupOfPhone) {
      const label = appleLabel(this.labels.get(group) ?? '');
      if (label) phone.label = label;
    }
    this.extras.finish(this.contact, this.labels);
    if (this.notes.length) this.contact.note = this.notes.join('\n');
    const d = this.dropped;
    noteDropped('numbers', d.numbersTooLong, MAX_NUMBER_CHARS, d.numbersBeyond, this.trimmed);
    noteDropped('emails', d.emailsTooLong, MAX_EMAIL_CHARS, d.emailsBeyond, this.trimmed);
    if (d.notes) this.trimmed.push(`${d.notes} NOTE values beyond ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters of notes dropped`);
    if (this.photo) this.contact.photo = this.photo;
    return this.contact;
  }

  /** A name of any kind, a number or an email: what makes a record worth importing. */
  isUsable(): boolean {
    const c = this.contact;
    return Boolean(c.formattedName || c.givenName || c.familyName || c.organization || c.phones.length || c.emails.length);
  }
}
