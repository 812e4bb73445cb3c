/**
 * Property tests with fast-check: mutated corpus files and generated cards and CSV rows never
 * crash or hang the importer, a failed import leaves the database exactly as it was, and a
 * successful one is idempotent. 1,000 runs each in `npm test`; FUZZ_RUNS=100000 for a long soak.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../../src/main/contacts/db/open';
import { importFile } from '../../../../src/main/contacts/import/importer';
import { createContactStore, type ContactStore } from '../../../../src/main/contacts/store';
import { CORPUS, CORPUS_MISSING, itWithCorpus } from '../../../support/corpus';
import { dumpDatabase } from './db-dump';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/**
 * A limit, not a speed check: each run dumps the whole database twice and the database grows with
 * every run (tombstones of earlier generated files), so 1,000 CSV runs take ~65 s on a quiet
 * 2-core machine and well over 100 s beside the rest of the suite. Speed lives in `npm run bench`.
 */
const TIMEOUT_MS = Math.max(240_000, RUNS * 240);
// Small files keep 1,000 runs fast; the large ones add nothing the small ones lack.
const SEEDS = (CORPUS_MISSING ? [] : readdirSync(CORPUS))
  .filter((f) => /\.(vcf|csv)$/.test(f))
  .map((f) => ({ name: f, bytes: readFileSync(join(CORPUS, f)) }))
  .filter((s) => s.bytes.length < 6000);

let dir: string;
let db: Database;
let store: ContactStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-fuzz-'));
  db = openDatabase(join(dir, 'contacts.db'));
  store = createContactStore({ db });
  if (CORPUS_MISSING) return; // the generated-input tests need no base
  const base = importFile(store, join(CORPUS, 'ezvcard_gmail-list.vcf'));
  if (!base.ok) throw new Error(base.error.message);
});
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.constantFrom(0, 10, 13, 32, 58, 59, 61, 44, 34, 92, 0xc3, 0xff, 0x80, 66), { maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip' && b.length) b[at] = m.byte;
    else if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else if (m.kind === 'duplicate') b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
  }
  return b;
}

/** Imports `bytes` as `name`; a failure must leave the database as it was, a success must repeat as all-unchanged. */
function checkImport(name: string, bytes: Buffer): void {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const before = dumpDatabase(db);
  const first = importFile(store, path);
  if (!first.ok) {
    expect(first.error.message).not.toContain('\n');
    expect(dumpDatabase(db)).toBe(before);
    return;
  }
  const second = importFile(store, path);
  if (!second.ok) throw new Error(`re-import failed: ${second.error.message}`);
  expect(second.value).toMatchObject({ added: 0, updated: 0, deleted: 0 });
}

const text = fc.string({ unit: fc.constantFrom('a', 'é', '名', ' ', ',', ';', ':', '\\', '"', '\n', '=', '^', '1', '+', '@', '.', '\t'), maxLength: 20 });
const contactFields = fc.record({
  name: text,
  given: text,
  family: text,
  org: text,
  phones: fc.array(fc.oneof(fc.constantFrom('+14155550100', '+4930123456', '(212) 555-0199', '0171 2345678', 'x'), text), { maxLength: 3 }),
  emails: fc.array(text, { maxLength: 2 }),
  uid: fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: undefined }),
});

describe('importer/importFile under fuzzing', () => {
  itWithCorpus('survives mutated corpus files: no crash, and the database is unchanged after every failed import', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        checkImport(`mutated${seed.name.slice(seed.name.lastIndexOf('.'))}`, mutate(seed.bytes, mutations));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('imports generated vCards idempotently', () => {
    const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
    fc.assert(
      fc.property(fc.array(contactFields, { maxLength: 6 }), fc.constantFrom('2.1', '3.0', '4.0'), (cards, version) => {
        const body = cards
          .map((c) =>
            [
              'BEGIN:VCARD',
              `VERSION:${version}`,
              ...(c.uid ? [`UID:${c.uid}`] : []),
              `FN:${escape(c.name)}`,
              `N:${escape(c.family)};${escape(c.given)};;;`,
              `ORG:${escape(c.org)}`,
              ...c.phones.map((p) => `TEL;TYPE=CELL:${escape(p)}`),
              ...c.emails.map((e) => `EMAIL:${escape(e)}`),
              'END:VCARD',
            ].join('\r\n'),
          )
          .join('\r\n');
        checkImport('generated.vcf', Buffer.from(body + '\r\n'));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it('imports generated CSV rows idempotently', () => {
    const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(fc.array(contactFields, { maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (rows, sep) => {
        const header = ['Name', 'First Name', 'Last Name', 'Company', 'Mobile Phone', 'E-mail Address'].join(sep);
        const lines = rows.map((r) => [r.name, r.given, r.family, r.org, r.phones.join(' ::: '), r.emails[0] ?? ''].map(cell).join(sep));
        checkImport('generated.csv', Buffer.from([header, ...lines].join('\r\n')));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});
