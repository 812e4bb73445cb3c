/**
 * The Contacts-tab list: one `/contacts` fetch at a time. A trigger that arrives while a
 * fetch is in flight waits for it and is then dropped (TPS `fetchContacts`), which is the
 * behaviour a host must work around by syncing again afterwards.
 */
import { applyFetched, fetchAllPages } from './contact-list';
import type { FetchRecord, WidgetContext } from './widget-state';

export interface ContactsFetcher {
  /** `trigger` labels the record; `type` goes into every page's body unchanged. */
  fetch(trigger: string, type: unknown): Promise<void>;
}

/** The Contacts-tab fetcher of one widget page life. */
export function createContactsFetcher(ctx: WidgetContext): ContactsFetcher {
  let inFlight: Promise<void> | null = null;

  async function run(path: string, record: FetchRecord, type: unknown): Promise<void> {
    const { state, deps } = ctx;
    try {
      const fetched = await fetchAllPages(
        (body) => {
          record.pages.push(body.page);
          ctx.log('out', '/contacts', `page ${JSON.stringify(body.page)} syncTimestamp ${JSON.stringify(body.syncTimestamp)}`);
          return deps.requester.request(path, body, deps.timeouts.contactsPage);
        },
        state.syncTimestamp,
        type,
      );
      const next = applyFetched(state, fetched);
      state.contacts = next.contacts;
      state.syncTimestamp = next.syncTimestamp;
      record.outcome = next.kind;
      record.received = fetched.contacts.length;
      ctx.log('note', 'contacts fetched', `${next.kind}: ${fetched.contacts.length} received, ${next.contacts.length} held`);
    } catch (e) {
      record.outcome = 'discarded';
      record.error = e instanceof Error ? e.message : String(e);
      ctx.error(`/contacts fetch (${record.trigger}) discarded: ${record.error}`);
    } finally {
      state.fetchInFlight = false;
      deps.onChange();
    }
  }

  return {
    async fetch(trigger, type) {
      const { state, deps } = ctx;
      const path = state.service?.contactsPath;
      if (!path) return;
      const record: FetchRecord = {
        trigger, pages: [], sentTimestamp: state.syncTimestamp, outcome: 'pending', received: 0,
      };
      state.fetches.push(record);
      if (inFlight) {
        record.outcome = 'dropped';
        ctx.log('note', 'fetch dropped', `${trigger}: another fetch is in flight`);
        await inFlight;
        return;
      }
      state.fetchInFlight = true;
      deps.onChange();
      inFlight = run(path, record, type);
      try {
        await inFlight;
      } finally {
        inFlight = null;
      }
    },
  };
}
