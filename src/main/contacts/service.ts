/**
 * The contact service: answers the widget's four requests from the store, each with exactly
 * the `response` object the widget expects. Bodies are validated here; nothing thrown
 * escapes (`handle` turns every failure into a `Result`).
 */
import type { ContactDetails, ContactsPageResponse, MatchResponse, SearchResponse } from '../../shared/contact';
import { fail, ok, type Result } from '../../shared/result';
import type { z } from 'zod';
import type { CountryCode } from './phone';
import { describeIssues, ListRequest, MatchRequest, SearchRequest, ViewRequest } from './requests';
import { listPage } from './service/list';
import { matchNumbers } from './service/match';
import { searchContacts } from './service/search';
import { MAX_REPLY_BYTES } from './service/widget-contact';
import type { ContactStore } from './store/types';

export interface ContactServiceDeps {
  store: ContactStore;
  /** The registered service name: every contact's `type`. */
  serviceName: string;
  /** The region local numbers are read in; a function so the widget can change it at run time. */
  region?: () => CountryCode | undefined;
  /** Cap on search results (default 50). */
  searchLimit?: number;
  /** Contacts per `/contacts` page (default 500). */
  pageSize?: number;
  /** About how many bytes of contacts one reply may carry (default MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
  /**
   * Send http(s) photo URLs to the widget (default false): it fetches each one itself, so a
   * URL from an imported file would make it contact that host. The shell passes the user's
   * `showRemotePhotos` setting; the core never reads settings.
   */
  showRemotePhotos?: boolean;
}

export interface ViewResponse {
  response: 'ok';
  /** The stored contact, for the shell's contact window; null when nothing matched. */
  contact: ContactDetails | null;
}

export interface ContactService {
  list(body: unknown): Result<ContactsPageResponse>;
  search(body: unknown): Result<SearchResponse>;
  match(body: unknown): Result<MatchResponse>;
  view(body: unknown): Result<ViewResponse>;
  /** Routes a widget request by path; the value is the `response` object to post back. */
  handle(path: unknown, body: unknown): Result<unknown>;
}

/** The widget paths this service answers. */
export const CONTACT_PATHS = ['/contacts', '/contacts/search', '/contacts/match', '/contacts/view'] as const;

/** Creates the service over a store. */
export function createContactService(deps: ContactServiceDeps): ContactService {
  const { store, serviceName, region = () => undefined, searchLimit = 50, pageSize = 500 } = deps;
  const remotePhotos = deps.showRemotePhotos === true;
  const maxBytes = deps.maxReplyBytes ?? MAX_REPLY_BYTES;

  /** Parses, then runs, turning a throw into an `internal` error. */
  const guarded =
    <S extends z.ZodType, T>(schema: S, run: (body: z.infer<S>) => Result<T>) =>
    (body: unknown): Result<T> => {
      try {
        const parsed = schema.safeParse(body);
        if (!parsed.success) return fail('bad-request', describeIssues(parsed.error));
        return run(parsed.data);
      } catch (error) {
        return fail('internal', error instanceof Error ? error.message : String(error));
      }
    };

  const list = guarded(ListRequest, (b) => listPage(store, serviceName, { pageSize, maxBytes, remotePhotos }, b));
  const search = guarded(SearchRequest, (b) => searchContacts(store, serviceName, { limit: searchLimit, remotePhotos, maxBytes }, b));
  const match = guarded(MatchRequest, (b) => matchNumbers(store, serviceName, region(), b, { remotePhotos, maxBytes }));
  const view = guarded(ViewRequest, (b): Result<ViewResponse> => {
    // By id first; a contact matched before a re-import may carry an id that is gone,
    // so fall back to the first of its numbers that matches a stored contact.
    let contact = b.id !== undefined ? store.getDetails(String(b.id)) : null;
    const numbers = (b.phoneNumbers ?? []).map((p) => p.phoneNumber).filter((n): n is string => !!n);
    if (!contact && numbers.length) {
      const found = matchNumbers(store, serviceName, region(), { phoneNumbers: numbers });
      const first = found.ok ? numbers.map((n) => found.value.data[n]?.[0]).find(Boolean) : undefined;
      if (first) contact = store.getDetails(first.id);
    }
    return ok({ response: 'ok', contact });
  });

  const handle = (path: unknown, body: unknown): Result<unknown> => {
    switch (path) {
      case '/contacts':
        return list(body);
      case '/contacts/search':
        return search(body);
      case '/contacts/match':
        return match(body);
      case '/contacts/view': {
        const result = view(body);
        return result.ok ? ok('ok') : result;
      }
      default:
        return fail('unknown-path', `unknown request path: ${typeof path === 'string' ? JSON.stringify(path.slice(0, 100)) : String(path)}`);
    }
  };

  return { list, search, match, view, handle };
}
