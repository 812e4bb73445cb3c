/**
 * The fields of one card beyond names, numbers and emails: dates (BDAY, ANNIVERSARY and the
 * exporters' X- forms, Apple's labelled X-ABDATE), postal addresses (ADR, with LABEL matched
 * to its ADR), websites (URL), NICKNAME, phonetic names (Apple/Android X-PHONETIC-*, Japanese
 * feature phones' SOUND;X-IRMC-N, 4.0 N;SORT-AS as Android writes it and RFC 9554's
 * N;PHONETIC) and CATEGORIES. Like group labels, LABELs may come before their ADR, so the pieces
 * are put together when the card ends.
 */
import type { ContactDate, ContactUrl, PostalAddress } from '../../../../shared/contact';
import type { ParsedContact } from '../../model';
import { capCount, MAX_EXTRA_CHARS, MAX_EXTRA_VALUES, MAX_URL_CHARS, noteDropped } from '../caps';
import { parseContactDate } from '../dates';
import type { Property } from './property';

/** How the card builder reads a value within the caps (see CardBuilder). */
export interface ValueReader {
  /** Text, at most `max` characters (a cut is reported). */
  text(prop: Property, max: number): string;
  /** Structured components, each unescaped. */
  parts(prop: Property): string[];
  /** The comma-separated list of the value, each item unescaped. */
  list(prop: Property): string[];
  /** A parameter's value decoded like the property's own text (parameters arrive as raw bytes). */
  param(prop: Property, name: string): string | undefined;
}

/** Type words that say how to use a value, not what it is. */
const NOT_A_KIND = new Set(['pref', 'internet', 'voice', 'postal', 'parcel', 'dom', 'intl', 'x-internet']);

/** Apple's built-in labels come wrapped: `_$!<HomePage>!$_`. */
export const APPLE_LABEL = /^_\$!<(.*)>!\$_$/;

/** The kind word of an address or website: the group's label, else the first meaningful TYPE. */
function kindOf(types: readonly string[], label: string | undefined): string | null {
  if (label) {
    const builtIn = APPLE_LABEL.exec(label);
    return builtIn ? builtIn[1]!.trim().toLowerCase() || null : label;
  }
  return types.find((t) => !NOT_A_KIND.has(t)) ?? null;
}

const DATE_PROPERTIES: Record<string, ContactDate['kind']> = {
  BDAY: 'birthday',
  ANNIVERSARY: 'anniversary',
  'X-ANNIVERSARY': 'anniversary',
  'X-EVOLUTION-ANNIVERSARY': 'anniversary',
  'X-MS-ANNIVERSARY': 'anniversary',
  'X-ABDATE': 'other',
};

interface Pending<T> {
  value: T;
  group: string | null;
  types: string[];
}

const ADR_PARTS = ['poBox', 'extended', 'street', 'locality', 'region', 'postalCode', 'country'] as const;

export class CardExtras {
  private readonly nicknames: string[] = [];
  private phoneticGiven: string | undefined;
  private phoneticFamily: string | undefined;
  private units: string[] = [];
  private readonly dates: Array<Pending<ContactDate>> = [];
  private readonly addresses: Array<Pending<PostalAddress>> = [];
  private readonly labels: Array<Pending<string>> = [];
  private readonly urls: Array<Pending<string>> = [];
  private readonly categories: string[] = [];
  private readonly dropped = { dates: 0, addresses: 0, websites: 0, urlsTooLong: 0 };

  constructor(
    private readonly read: ValueReader,
    private readonly trimmed: string[],
  ) {}

  /** Takes the property if it is one of these fields; false otherwise. */
  add(prop: Property): boolean {
    const dateKind = DATE_PROPERTIES[prop.name];
    if (dateKind) {
      this.addDate(prop, dateKind);
      return true;
    }
    switch (prop.name) {
      case 'ADR':
        this.addAddress(prop);
        return true;
      case 'LABEL': {
        const text = this.read.text(prop, MAX_EXTRA_CHARS).trim();
        if (text) this.labels.push({ value: text, group: prop.group, types: prop.types });
        return true;
      }
      case 'URL': {
        if (this.urls.length >= MAX_EXTRA_VALUES) this.dropped.websites++;
        else if (prop.value.length > MAX_URL_CHARS * 3) this.dropped.urlsTooLong++;
        else {
          const url = this.read.text(prop, MAX_URL_CHARS * 3).trim();
          if (url.length > MAX_URL_CHARS) this.dropped.urlsTooLong++;
          else if (url) this.urls.push({ value: url, group: prop.group, types: prop.types });
        }
        return true;
      }
      case 'NICKNAME': {
        const nickname = this.read.text(prop, MAX_EXTRA_CHARS).trim();
        if (nickname && !this.nicknames.includes(nickname)) this.nicknames.push(nickname);
        return true;
      }
      case 'X-PHONETIC-FIRST-NAME':
        this.phoneticGiven ??= this.read.text(prop, MAX_EXTRA_CHARS).trim() || undefined;
        return true;
      case 'X-PHONETIC-LAST-NAME':
        this.phoneticFamily ??= this.read.text(prop, MAX_EXTRA_CHARS).trim() || undefined;
        return true;
      case 'SOUND':
        // Japanese phones write the reading of the name as a structured N: family;given;...
        if (prop.types.includes('x-irmc-n')) this.phoneticName(this.read.parts(prop));
        return true;
      case 'CATEGORIES':
        for (const c of this.read.list(prop)) {
          const category = c.trim();
          if (category && !this.categories.includes(category)) this.categories.push(category);
        }
        return true;
      default:
        return false;
    }
  }

  /** RFC 9554: an N with PHONETIC is the reading of the name, not the name. */
  isPhoneticName(prop: Property): boolean {
    if (!prop.params.has('PHONETIC')) return false;
    this.phoneticName(this.read.parts(prop));
    return true;
  }

  /** A 4.0 N's SORT-AS, when it is not just the name again: Android writes the reading there (`あんどう;ろいど`). */
  sortAs(prop: Property, nameParts: readonly string[]): void {
    const sortAs = this.read.param(prop, 'SORT-AS');
    if (!sortAs) return;
    const parts = sortAs.split(sortAs.includes(';') ? ';' : ',').map((p) => p.trim());
    if (parts[0] === (nameParts[0] ?? '').trim() && (parts[1] ?? '') === (nameParts[1] ?? '').trim()) return;
    this.phoneticName(parts);
  }

  private phoneticName(parts: readonly string[]): void {
    const [family, given] = parts.map((p) => p.trim().slice(0, MAX_EXTRA_CHARS));
    this.phoneticFamily ??= family || undefined;
    this.phoneticGiven ??= given || undefined;
  }

  /** ORG's units after the organisation's name, empty ones left out. */
  setUnits(units: readonly string[]): void {
    this.units = capCount(units.map((u) => u.trim()).filter(Boolean), 'organisation units', this.trimmed);
  }

  private addDate(prop: Property, kind: ContactDate['kind']): void {
    if (this.dates.length >= MAX_EXTRA_VALUES) {
      this.dropped.dates++;
      return;
    }
    const text = this.read.text(prop, MAX_EXTRA_CHARS).trim();
    if (!text) return;
    const asText = (prop.params.get('VALUE') ?? []).some((v) => v.trim().toLowerCase() === 'text');
    const omitYear = prop.params.get('X-APPLE-OMIT-YEAR')?.[0];
    const value = asText ? text : parseContactDate(text, omitYear);
    this.dates.push({ value: { kind, label: null, value }, group: prop.group, types: prop.types });
  }

  private addAddress(prop: Property): void {
    if (this.addresses.length >= MAX_EXTRA_VALUES) {
      this.dropped.addresses++;
      return;
    }
    const parts = this.read.parts(prop).map((p) => p.replace(/\r\n?/g, '\n').trim().slice(0, MAX_EXTRA_CHARS));
    const address: PostalAddress = { type: null, poBox: '', extended: '', street: '', locality: '', region: '', postalCode: '', country: '' };
    ADR_PARTS.forEach((key, i) => (address[key] = parts[i] ?? ''));
    // Parts past the seventh are not in any standard; kept on the last line rather than lost.
    if (parts.length > ADR_PARTS.length) address.country = parts.slice(ADR_PARTS.length - 1).filter(Boolean).join(', ');
    // 4.0 puts the printed form in a LABEL parameter; exporters write its newlines as \n.
    const label = this.read.param(prop, 'LABEL')?.replace(/\\n/gi, '\n').trim();
    if (label) address.label = label.slice(0, MAX_EXTRA_CHARS);
    this.addresses.push({ value: address, group: prop.group, types: prop.types });
  }

  /** Puts the fields on the contact, with the card's group labels (`X-ABLabel`, as written) applied. */
  finish(c: ParsedContact, groupLabels: ReadonlyMap<string, string>): void {
    const labelOf = (group: string | null): string | undefined => (group ? groupLabels.get(group) : undefined);
    if (this.nicknames.length) c.nickname = this.nicknames.join(', ');
    if (this.phoneticGiven) c.phoneticGivenName = this.phoneticGiven;
    if (this.phoneticFamily) c.phoneticFamilyName = this.phoneticFamily;
    if (this.units.length) c.organizationUnits = this.units;
    if (this.categories.length) c.categories = capCount(this.categories, 'categories', this.trimmed);

    const dates: ContactDate[] = [];
    for (const d of this.dates) {
      const label = labelOf(d.group);
      const builtIn = label ? APPLE_LABEL.exec(label)?.[1]?.trim().toLowerCase() : undefined;
      const date: ContactDate =
        d.value.kind !== 'other' || !label ? d.value
        : builtIn === 'anniversary' ? { ...d.value, kind: 'anniversary' }
        : builtIn === 'birthday' ? { ...d.value, kind: 'birthday' }
        : { ...d.value, label: builtIn === undefined ? label : builtIn === 'other' ? null : builtIn };
      // Evolution writes an anniversary twice (X-EVOLUTION-ANNIVERSARY and ANNIVERSARY).
      if (!dates.some((x) => x.kind === date.kind && x.label === date.label && x.value === date.value)) dates.push(date);
    }
    if (dates.length) c.dates = dates;

    const addresses = this.matchLabels(labelOf);
    if (addresses.length) c.addresses = addresses;

    const urls: ContactUrl[] = [];
    for (const u of this.urls) {
      if (!urls.some((x) => x.url === u.value)) urls.push({ type: kindOf(u.types, labelOf(u.group)), url: u.value });
    }
    if (urls.length) c.urls = urls;

    const d = this.dropped;
    noteDropped('websites', d.urlsTooLong, MAX_URL_CHARS, 0, this.trimmed);
    for (const [what, n] of [['dates', d.dates], ['addresses', d.addresses], ['websites', d.websites]] as const) {
      if (n) this.trimmed.push(`${n.toLocaleString('en-US')} ${what} beyond the first ${MAX_EXTRA_VALUES} dropped`);
    }
  }

  /**
   * Each LABEL goes to the ADR of its group, else to the first ADR of the same type without a
   * label; one that matches none is an address of its own. An ADR with no parts and no label says nothing.
   */
  private matchLabels(labelOf: (group: string | null) => string | undefined): PostalAddress[] {
    const typeKey = (p: Pending<unknown>): string => kindOf(p.types, undefined) ?? '';
    const out = this.addresses.map((a) => ({ ...a, value: { ...a.value, type: kindOf(a.types, labelOf(a.group)) } }));
    for (const l of this.labels) {
      const target =
        (l.group ? out.find((a) => a.group === l.group && a.value.label === undefined) : undefined) ??
        out.find((a) => a.value.label === undefined && (l.group === null || a.group === null) && typeKey(a) === typeKey(l));
      if (target) target.value.label = l.value;
      else if (out.length < MAX_EXTRA_VALUES) {
        out.push({ ...l, value: { type: kindOf(l.types, labelOf(l.group)), poBox: '', extended: '', street: '', locality: '', region: '', postalCode: '', country: '', label: l.value } });
      }
    }
    return out.map((a) => a.value).filter((a) => a.label !== undefined || ADR_PARTS.some((k) => a[k] !== ''));
  }
}
