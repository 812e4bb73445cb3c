/**
 * `/contacts/search`: substring search through the indexes, then the results the widget's
 * own filter will keep are put first (it silently drops the others, e.g. hits by e-mail or
 * company, or by an accent-free spelling), so the capped reply is spent on rows it shows.
 * The ranking runs in SQL on stored filter text; only the capped reply is built in full.
 */
import type { SearchResponse } from '../../../shared/contact';
import { ok, type Result } from '../../../shared/result';
import type { SearchRequest } from '../requests';
import { searchTerm } from '../store/search-text';
import type { ContactStore } from '../store/types';
import { replyBytes, toWidgetContact, withinBudget } from './widget-contact';

/** How many index hits are ranked before the reply is capped. */
const CANDIDATES = 200;

/** Answers one `/contacts/search`. */
export function searchContacts(
  store: ContactStore,
  serviceName: string,
  options: { limit: number; remotePhotos: boolean; maxBytes: number },
  body: SearchRequest,
): Result<SearchResponse> {
  const { limit, remotePhotos, maxBytes } = options;
  const term = searchTerm(body.searchString);
  if (!term) return ok({ data: [] });
  const candidates = store.searchIds(term, Math.max(CANDIDATES, limit));
  const ids = store.rankForWidget(candidates, body.searchString.trim(), limit);
  const data = store.contactsByIds(ids).map((c) => toWidgetContact(c, serviceName, remotePhotos));
  return ok({ data: withinBudget(data, replyBytes, maxBytes) });
}
