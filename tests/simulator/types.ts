/**
 * The shapes the simulated widget holds. Contacts are kept as loose records on purpose: the
 * simulator must hold whatever the host sends, exactly as the real widget would, so that a
 * test can see a malformed reply in the widget's state instead of having it filtered out.
 */

/** One phone entry as the widget keeps it after its own normalisation. */
export interface SimPhone {
  phoneNumber?: unknown;
  phoneType?: unknown;
}

/** A contact as received from the host (only `id` is relied on, as in the widget). */
export interface SimContact {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  phoneNumbers?: SimPhone[];
  deleted?: unknown;
  [key: string]: unknown;
}

/** One row the widget displays in a "To" box (searchContactPhoneNumbers). */
export interface SearchRow {
  id: string;
  name: string;
  type: unknown;
  phoneNumber: unknown;
  phoneType: string;
  entityType: string;
  contactId: unknown;
}

/** What the host registered (`rc-adapter-register-third-party-service`'s `service`). */
export interface RegisteredService {
  name: string;
  displayName?: string;
  contactsPath?: string;
  contactSearchPath?: string;
  contactMatchPath?: string;
  viewMatchedContactPath?: string;
  contactMatchTtl?: number;
  contactNoMatchTtl?: number;
  contactIcon?: string;
  [key: string]: unknown;
}

/** The widget's request timeouts in ms (TPS / requestWithPostMessage defaults). */
export interface Timeouts {
  contactsPage: number;
  search: number;
  match: number;
  view: number;
  /** ContactSearch's debounce before a search string is sent. */
  searchDebounce: number;
}

export const WIDGET_TIMEOUTS: Timeouts = {
  contactsPage: 60_000,
  search: 30_000,
  match: 30_000,
  view: 3_000,
  searchDebounce: 800,
};

/** Defaults the widget uses when the service registers no TTLs (DataMatcher options). */
export const DEFAULT_NO_MATCH_TTL = 5 * 60_000;
export const DEFAULT_MATCH_TTL = 2 * 60 * 60_000;
/** ContactSearch keeps each (source, string) result this long. */
export const SEARCH_CACHE_TTL = 5 * 60_000;
/** Only the refresh after a sync is capped (TPS `_refreshContactMatch`). */
export const SYNC_REMATCH_LIMIT = 30;
