/**
 * The widget's fetch-and-merge algorithm, modelled exactly as widget-protocol.md describes
 * it (TPS `_fetchContacts` / `_syncContactsSuccess`), run against the real service on a
 * real SQLite file while random adds, updates and deletes happen before and between page
 * requests. After every completed fetch the widget's list must equal the live contacts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactsPageResponse, WidgetContact } from '../../../src/shared/contact';
import type { ContactService } from '../../../src/main/contacts/service';
import type { ContactRecord } from '../../../src/main/contacts/model';
import { contact, openTestBook, type TestBook } from './helpers';

type Listed = ContactsPageResponse['data'][number];

/** The widget's side: a list in memory and the syncTimestamp of the last completed fetch. */
class WidgetModel {
  list: Listed[] = [];
  syncTimestamp: string | null = null;

  /** One fetch: pages while nextPage is truthy, `between(n)` runs before page n + 1. */
  fetch(service: ContactService, between: (pagesDone: number) => void): void {
    const stored = this.syncTimestamp; // every page carries the stored value, not page 1's
    let page: unknown = 1;
    let first: string | undefined;
    const data: Listed[] = [];
    for (let n = 1; ; n++) {
      const reply = service.list({ page, syncTimestamp: stored, type: undefined });
      if (!reply.ok) throw new Error(`the widget would discard this fetch: ${reply.error.message}`);
      if (n === 1) first = reply.value.syncTimestamp; // the first page's timestamp is kept
      if (!Array.isArray(reply.value.data)) break; // non-array data stops paging
      data.push(...reply.value.data);
      if (!reply.value.nextPage) break;
      between(n);
      page = reply.value.nextPage; // verbatim
    }
    if (stored && first) {
      // Incremental only when both the stored and the reply's timestamps are truthy.
      const byId = new Map(this.list.map((c) => [c.id, c]));
      for (const c of data) byId.set(c.id, c);
      this.list = [...byId.values()].filter((c) => !c.deleted);
    } else {
      this.list = data; // full replace (deleted rows would be kept and shown)
    }
    this.syncTimestamp = first || null;
  }

  /** A widget reload: nothing is persisted. */
  restart(): void {
    this.list = [];
    this.syncTimestamp = null;
  }
}

type Mutation =
  | { kind: 'add'; name: string; numbers: string[] }
  | { kind: 'update'; pick: number; name: string; numbers: string[] }
  | { kind: 'delete'; pick: number }
  /** Several contacts in one revision, as an import writes them. */
  | { kind: 'bulk'; count: number; deletePick: number | null; name: string };
type Action = Mutation | { kind: 'fetch'; between: Mutation[] } | { kind: 'restart' };

const nameArb = fc.constantFrom('Ada', 'Zoë Brown', 'Ελένη', '山田 太郎', 'José', 'Ola Nordmann');
const numbersArb = fc.subarray(['+16505550100', '+442079460000', '101', '+16505550101 x7', 'ACME-1'], { maxLength: 3 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), name: nameArb, numbers: numbersArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), name: nameArb, numbers: numbersArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      count: fc.integer({ min: 2, max: 7 }),
      deletePick: fc.option(fc.nat(), { nil: null }),
      name: nameArb,
    }),
  },
);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: mutationArb },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fetch' as const), between: fc.array(mutationArb, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The test's own record of the book: source key → record, independent of the store. */
class BookModel {
  live = new Map<string, ContactRecord>();
  private next = 0;
  constructor(private readonly book: TestBook) {}

  apply(m: Mutation): void {
    const keys = [...this.live.keys()];
    if (m.kind === 'add') {
      const key = `k${this.next++}`;
      this.write(contact(key, `${m.name} ${this.next}`, m.numbers));
    } else if (m.kind === 'bulk') {
      // Adds and updates in one import, plus (maybe) one deletion in the same revision.
      const records = Array.from({ length: m.count }, (_, i) => {
        const key = i % 2 && keys.length ? keys[(i * 7) % keys.length]! : `k${this.next++}`;
        return contact(key, `${m.name} b${this.next++}`, ['+16505550100']);
      });
      const gone = m.deletePick !== null && keys.length ? keys[m.deletePick % keys.length]! : null;
      const kept = records.filter((r) => r.sourceKey !== gone);
      this.book.store.importSource({ path: 'manual:', format: 'vcard', fingerprint: '' }, (w) => {
        const survivors = new Set(kept.map((r) => r.sourceKey));
        for (const [key, r] of this.live) if (key !== gone && !survivors.has(key)) w.upsert(r);
        for (const r of kept) w.upsert(r);
      });
      if (gone) this.live.delete(gone);
      for (const r of kept) this.live.set(r.sourceKey, r);
    } else if (keys.length) {
      const key = keys[m.pick % keys.length]!;
      if (m.kind === 'update') this.write(contact(key, `${m.name} v${this.next++}`, m.numbers));
      else {
        this.book.store.deleteContacts([key]);
        this.live.delete(key);
      }
    }
  }

  private write(record: ContactRecord): void {
    this.book.store.upsertContacts([record]);
    this.live.set(record.sourceKey, record);
  }

  /** What the widget should hold, keyed by the store's id, compared by content. */
  expected(): Map<string, object> {
    const idOf = new Map(
      (this.book.db.prepare('SELECT source_key, id FROM contacts').raw().all() as Array<[string, number]>).map(([k, id]) => [k, String(id)]),
    );
    return new Map([...this.live].map(([key, r]) => [idOf.get(key)!, { name: r.displayName, numbers: r.phones.map((p) => p.e164 ?? p.raw) }]));
  }
}

const held = (list: Listed[]): Map<string, object> =>
  new Map(list.map((c) => [c.id, { name: c.name, numbers: (c as WidgetContact).phoneNumbers.map((p) => p.phoneNumber) }]));

describe('widget-merge (property)', () => {
  it('leaves the widget holding exactly the live contacts after every completed fetch', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 40 }), (actions) => {
        const book = openTestBook({ pageSize: 3 });
        try {
          const model = new BookModel(book);
          const widget = new WidgetModel();
          const fetch = (between: Mutation[]) => {
            let changedDuring = false;
            widget.fetch(book.service, (n) => {
              const m = between[n - 1];
              if (m) {
                model.apply(m);
                changedDuring = true;
              }
            });
            // Pages never repeat an id within one fetch.
            expect(new Set(widget.list.map((c) => c.id)).size).toBe(widget.list.length);
            // The shell syncs again after a fetch during which the book changed.
            if (changedDuring) widget.fetch(book.service, () => {});
            expect(held(widget.list)).toEqual(model.expected());
            expect(widget.list.every((c) => c.type === 'AddressBook' && !c.deleted)).toBe(true);
          };
          for (const action of actions) {
            if (action.kind === 'fetch') fetch(action.between);
            else if (action.kind === 'restart') widget.restart();
            else model.apply(action);
          }
          fetch([]);
        } finally {
          book.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
