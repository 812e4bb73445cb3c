/**
 * The contact core at scale: import the generated book, then replay the widget's requests
 * through the real service (match batches, searches of 1, 2 and 3 characters, a full paged
 * list, an incremental fetch after 1,000 changes), beside the raw SQLite baseline.
 */
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../src/main/contacts/db/open';
import type { ContactRecord } from '../src/main/contacts/model';
import { createContactService, type ContactService } from '../src/main/contacts/service';
import { createContactStore } from '../src/main/contacts/store';
import { runBaseline } from './baseline';
import { queryPools } from './queries';
import { percentile, sample, time } from './stats';
import type { Bench, Figure } from './types';

/** Follows `nextPage` to the end, as the widget does; calls `onPage` after each page. */
function fetchAll(service: ContactService, syncTimestamp: string | null, onPage: () => void = () => {}) {
  let page: string | number = 1;
  let first: string | undefined;
  let count = 0;
  for (;;) {
    const r = service.list({ page, syncTimestamp });
    if (!r.ok) throw new Error(r.error.message);
    first ??= r.value.syncTimestamp;
    count += r.value.data.length;
    onPage();
    if (!r.value.nextPage) return { syncTimestamp: first, count };
    page = r.value.nextPage;
  }
}

const edited = (r: ContactRecord, n: number): ContactRecord => ({ ...r, jobTitle: `Edited ${n}` });

export const coreBench: Bench = {
  description: 'store + service: import, match, search, list, incremental',
  run(ctx) {
    const book = ctx.book();
    ctx.log(`  importing ${book.length} contacts`);
    const db = openDatabase(join(ctx.dir, 'core.sqlite3'));
    const store = createContactStore({ db });
    const importMs = time(() =>
      store.importSource({ path: '/bench/book.vcf', format: 'vcard', fingerprint: 'bench' }, (w) => {
        for (const r of book) w.upsert(r);
      }),
    );
    const service = createContactService({ store, serviceName: 'AddressBook', region: () => 'US' });
    const pools = queryPools(book);

    ctx.log('  match');
    const m30 = pools.matchBatches(30, 2000);
    const match30 = sample(m30.length, (i) => service.match({ phoneNumbers: m30[i], callerIds: {} }));
    const m500 = pools.matchBatches(500, 200);
    const match500 = sample(m500.length, (i) => service.match({ phoneNumbers: m500[i] }));

    ctx.log('  search');
    const searchP99 = (length: number): number => {
      const qs = pools.searches(length, 500);
      return percentile(sample(qs.length, (i) => service.search({ searchString: qs[i] })), 99);
    };
    const search = [1, 2, 3].map(searchP99);

    ctx.log('  list');
    const rssBefore = process.memoryUsage.rss();
    let peakRss = rssBefore;
    let full = { syncTimestamp: '', count: 0 };
    const listMs = time(() => {
      full = fetchAll(service, null, () => (peakRss = Math.max(peakRss, process.memoryUsage.rss())));
    });

    ctx.log('  incremental');
    const changed = book.slice(0, 1000).map((r, i) => edited(r, i));
    const writeMs = time(() => store.upsertContacts(changed, '/bench/book.vcf'));
    let delta = { syncTimestamp: '', count: 0 };
    const incrementalMs = time(() => (delta = fetchAll(service, full.syncTimestamp)));
    if (delta.count !== 1000) throw new Error(`incremental fetch returned ${delta.count} contacts, expected 1000`);
    closeDatabase(db);

    ctx.log('  baseline');
    const baseline = runBaseline(ctx, book, pools);
    // The issue sets these targets for a 100,000-contact book; larger runs report the same figures.
    const AT = 100_000;
    const figures: Figure[] = [
      // No target of its own: the store writes two search indexes a raw insert does not
      // (about 16 µs a contact); the import contract is bench/import.ts's ratio against an
      // insert into this same schema.
      { name: 'import_contacts_per_s', value: (book.length / importMs) * 1000, unit: '/s', target: null, better: 'higher', baseline: 'baseline_import_contacts_per_s' },
      { name: 'match_30_p50_ms', value: percentile(match30, 50), unit: 'ms', target: 1, targetAt: AT },
      { name: 'match_30_p99_ms', value: percentile(match30, 99), unit: 'ms', target: 1, targetAt: AT, baseline: 'baseline_match_30_p99_ms' },
      { name: 'match_500_p99_ms', value: percentile(match500, 99), unit: 'ms', target: null },
      { name: 'search_1char_p99_ms', value: search[0]!, unit: 'ms', target: 5, targetAt: AT, baseline: 'baseline_search_1char_like_p99_ms' },
      { name: 'search_2char_p99_ms', value: search[1]!, unit: 'ms', target: 5, targetAt: AT },
      { name: 'search_3char_p99_ms', value: search[2]!, unit: 'ms', target: 5, targetAt: AT, baseline: 'baseline_search_3char_fts_p99_ms' },
      { name: 'list_all_pages_ms', value: listMs, unit: 'ms', target: 1000, targetAt: AT, baseline: 'baseline_list_all_pages_ms' },
      // Peak RSS of the whole process (the generated book included), and how much listing added.
      { name: 'list_peak_rss_mb', value: peakRss / 2 ** 20, unit: 'MB', target: null },
      { name: 'list_rss_growth_mb', value: (peakRss - rssBefore) / 2 ** 20, unit: 'MB', target: 100, targetAt: AT },
      { name: 'incremental_1000_ms', value: incrementalMs, unit: 'ms', target: 25, targetAt: AT },
      { name: 'write_1000_changes_ms', value: writeMs, unit: 'ms', target: null },
    ];
    return [...figures, ...baseline];
  },
};
