/**
 * The contact shapes the RingCentral Embeddable widget reads, and the full stored contact
 * the contact window shows. Plain data only: this file is imported by main, preload,
 * renderer and tests alike.
 */

/** The widget's phone type vocabulary (`commons:enums/phoneTypes.ts`). Search and match
 *  results are used raw by the widget, so we only ever send one of these. */
export const PHONE_TYPES = [
  'business',
  'extension',
  'home',
  'mobile',
  'phone',
  'unknown',
  'company',
  'contact',
  'direct',
  'fax',
  'other',
] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface WidgetPhone {
  phoneNumber: string;
  phoneType: PhoneType;
}

/** A contact as the widget expects it in `/contacts`, `/contacts/search` and `/contacts/match`. */
export interface WidgetContact {
  id: string;
  name: string;
  /** Always the registered service name, or "View contact details" bypasses us. */
  type: string;
  phoneNumbers: WidgetPhone[];
  firstName?: string;
  lastName?: string;
  company?: string;
  jobTitle?: string;
  emails?: string[];
  profileImageUrl?: string;
  deleted?: boolean;
}

/** A tombstone in an incremental `/contacts` reply. */
export interface DeletedWidgetContact {
  id: string;
  name: string;
  type: string;
  phoneNumbers: [];
  deleted: true;
}

export interface ContactsPageResponse {
  data: Array<WidgetContact | DeletedWidgetContact>;
  /** A cursor the widget sends back verbatim as `page`; `null` on the last page. */
  nextPage: string | null;
  /** Opaque, always truthy, derived from the store's revision counter. */
  syncTimestamp: string;
}

export interface SearchResponse {
  data: WidgetContact[];
}

export interface MatchResponse {
  /** Keyed by each queried string exactly as the widget sent it. */
  data: Record<string, WidgetContact[]>;
}

/** A postal address as the file structured it (vCard ADR order); empty parts are ''. */
export interface PostalAddress {
  /** `home`, `work`, `other`, or the file's own word; null when it gave none. */
  type: string | null;
  poBox: string;
  extended: string;
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
  /** The address as the file formatted it for printing (vCard LABEL), when it gave one. */
  label?: string;
}

/** A date of the contact: `YYYY-MM-DD`, `--MM-DD` (no year), or the text as written when unreadable. */
export interface ContactDate {
  kind: 'birthday' | 'anniversary' | 'other';
  /** The file's label for an `other` date (Apple `X-ABLabel`, Google `Event 1 - Type`). */
  label: string | null;
  value: string;
}

export interface ContactUrl {
  /** `home`, `work`, `profile`, the file's own label; null when it gave none. */
  type: string | null;
  url: string;
}

/** The fields a file may hold beyond names, numbers and emails; empty when it held none. */
export interface ContactExtras {
  nickname: string | null;
  phoneticGivenName: string | null;
  phoneticFamilyName: string | null;
  /** The units after the organisation's name (`ORG:Nordlicht AB;Telefoni` → `['Telefoni']`). */
  organizationUnits: string[];
  dates: ContactDate[];
  addresses: PostalAddress[];
  urls: ContactUrl[];
  categories: string[];
}

/** A contact with none of the extra fields. */
export const NO_EXTRAS: Readonly<ContactExtras> = Object.freeze({
  nickname: null,
  phoneticGivenName: null,
  phoneticFamilyName: null,
  organizationUnits: [],
  dates: [],
  addresses: [],
  urls: [],
  categories: [],
});

/** One of the contacts a person's card is made of. */
export interface LinkedPart {
  id: string;
  displayName: string;
  source: ContactDetails['source'];
}

/**
 * The contact window's card: a person, the union of the contacts linked into it (one when
 * nothing is linked; the first is the one whose id the widget knows).
 */
export interface PersonDetails extends ContactDetails {
  parts: LinkedPart[];
  /** Contacts of the same name the user unlinked from one of the parts ("Link again" undoes it). */
  apart: LinkedPart[];
  /** `phoneParts[i]`: the ids of the parts that hold `phones[i]`; `emailParts` likewise. */
  phoneParts: string[][];
  emailParts: string[][];
}

/** A contact to write out (export, CardDAV): the extra fields may be left out when there are none. */
export type WritableContact = Omit<ContactDetails, keyof ContactExtras> & Partial<ContactExtras>;

/** Everything the database holds for one contact, for the native contact window. */
export interface ContactDetails extends ContactExtras {
  id: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  company: string | null;
  jobTitle: string | null;
  notes: string | null;
  /** A `data:` URI (inline photo) or an http(s) URL. */
  avatar: string | null;
  phones: Array<{
    raw: string;
    e164: string | null;
    extension: string | null;
    type: PhoneType;
    /** The label the file gave the number (e.g. Apple `X-ABLabel`), if any. */
    label: string | null;
  }>;
  emails: string[];
  source: { path: string; format: string } | null;
}
