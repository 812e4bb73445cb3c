/**
 * Dialer / "To" box search against our source: only when logged in, only for 3+ characters,
 * after an 800 ms pause, through a 5-minute cache, then the widget's own display filter.
 */
import { searchContactPhoneNumbers } from './display-filter';
import type { SearchCache } from './search-cache';
import type { SimContact } from './types';
import type { WidgetContext } from './widget-state';

export interface Search {
  type(text: string): void;
}

const MIN_LENGTH = 3;

/** Dialer search against the registered `contactSearchPath`. */
export function createSearch(ctx: WidgetContext, cache: SearchCache): Search {
  let timer: unknown = null;

  async function query(path: string, serviceName: string, text: string): Promise<void> {
    const { state, deps } = ctx;
    const cached = cache.get(text, deps.now());
    if (cached) {
      Object.assign(state.search, { rows: cached, error: null, fromCache: true, done: text });
      deps.onChange();
      return;
    }
    state.search.sent.push(text);
    ctx.log('out', '/contacts/search', JSON.stringify(text));
    let contacts: SimContact[] = [];
    try {
      const response = await deps.requester.request(path, { searchString: text }, deps.timeouts.search);
      const { data } = response as { data: unknown };
      if (Array.isArray(data)) contacts = data as SimContact[];
    } catch (e) {
      ctx.error(`/contacts/search ${JSON.stringify(text)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    let rows;
    try {
      rows = searchContactPhoneNumbers(contacts, text, serviceName);
    } catch (e) {
      // The widget catches this for the whole source: every row of the query is lost.
      ctx.error(`search ${JSON.stringify(text)} lost all results: ${e instanceof Error ? e.message : String(e)}`);
      if (state.search.typed === text) Object.assign(state.search, { rows: [], error: String(e), fromCache: false, done: text });
      deps.onChange();
      return;
    }
    cache.set(text, rows, deps.now());
    if (state.search.typed === text) Object.assign(state.search, { rows, error: null, fromCache: false, done: text });
    deps.onChange();
  }

  return {
    type(text) {
      const { state, deps } = ctx;
      state.search.typed = text;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      const path = state.service?.contactSearchPath;
      if (!state.loggedIn || text.length < MIN_LENGTH || !path || !state.service) {
        Object.assign(state.search, { rows: [], error: null, fromCache: false, done: text });
        deps.onChange();
        return;
      }
      const serviceName = state.service.name;
      timer = deps.setTimer(() => {
        timer = null;
        void query(path, serviceName, text);
      }, deps.timeouts.searchDebounce);
      deps.onChange();
    },
  };
}
