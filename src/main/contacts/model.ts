/**
 * The records that flow between the importers and the store. Parsers produce
 * `ParsedContact` (what the file said, nothing normalised); `toContactRecord` turns one into
 * a `ContactRecord` (names resolved, numbers normalised, types mapped), which is what the
 * store writes.
 */
import type { ContactDate, ContactExtras, ContactUrl, PhoneType, PostalAddress } from '../../shared/contact';

export interface ParsedPhone {
  /** The number exactly as the file wrote it (after unescaping / decoding). */
  value: string;
  /** Lower-cased type tokens from the file: `cell`, `work`, `voice`, `fax`, `pref`, `x-nec-home`, ... */
  types: string[];
  /** A free-text label, e.g. Apple `X-ABLabel` or a CSV column name such as `Business Phone`. */
  label?: string;
}

export type ParsedPhoto = { kind: 'data'; mime: string; base64: string } | { kind: 'url'; url: string };

export interface ParsedContact {
  /** 1-based line in the file where the record starts, for the skip report. */
  line: number;
  uid?: string;
  formattedName?: string;
  givenName?: string;
  familyName?: string;
  middleName?: string;
  prefix?: string;
  suffix?: string;
  organization?: string;
  department?: string;
  title?: string;
  note?: string;
  photo?: ParsedPhoto;
  phones: ParsedPhone[];
  emails: string[];
  nickname?: string;
  phoneticGivenName?: string;
  phoneticFamilyName?: string;
  /** ORG units after the name, in order. */
  organizationUnits?: string[];
  dates?: ContactDate[];
  addresses?: PostalAddress[];
  urls?: ContactUrl[];
  categories?: string[];
}

export interface PhoneRecord {
  raw: string;
  /** E.164 without the extension, or null when the number cannot be parsed. */
  e164: string | null;
  extension: string | null;
  type: PhoneType;
  label: string | null;
}

export interface ContactRecord {
  /** Identity within the source: the vCard UID, or a key derived from the record. */
  sourceKey: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  jobTitle: string | null;
  notes: string | null;
  avatar: string | null;
  phones: PhoneRecord[];
  emails: string[];
  /** Nickname, phonetic names, units, dates, addresses, URLs, categories; absent when none. */
  extras?: ContactExtras;
}

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';
