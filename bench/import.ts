/**
 * Import benchmark: generated vCard 3.0 and Google-CSV files imported into an empty database,
 * against a baseline that inserts the same already-parsed, already-normalised rows into the
 * project's own schema (the store's prepared statements, all tables and search indexes, one
 * transaction): the storage limit. Each import runs in a child process (bench/import-child.ts)
 * so the peak RSS measured is the import's own, not this process's (which holds the book).
 *
 * Throughput figures use at most 100,000 contacts; with `--contacts 1000000` the extra figure
 * is the peak RSS of a 1,000,000-contact vCard import (target ≤ 300 MB).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { NO_EXTRAS, type ContactDetails } from '../src/shared/contact';
import type { ContactRecord } from '../src/main/contacts/model';
import { closeDatabase, openDatabase } from '../src/main/contacts/db/open';
import { csvHeader, csvRow, NO_WIDTHS } from '../src/main/contacts/import/csv/writer';
import { fastE164 } from '../src/main/contacts/import/fast-e164';
import { normalizePhone } from '../src/main/contacts/phone';
import { writeVcard } from '../src/main/contacts/import/vcard/writer';
import { createContactStore } from '../src/main/contacts/store';
import type { Bench, BenchContext, Figure } from './types';

const THROUGHPUT_CONTACTS = 100_000;

/** The contact as the files carry it: numbers in E.164 (plus ` x123` extensions), as phones export them. */
function asWritten(r: ContactRecord, i: number): ContactRecord {
  return { ...r, phones: r.phones.map((p) => ({ ...p, raw: p.e164 + (p.extension ? ` x${p.extension}` : '') })), sourceKey: `name:${i}` };
}

const details = (r: ContactRecord): ContactDetails => ({ ...NO_EXTRAS, ...r, ...r.extras, id: r.sourceKey, source: null });

/** Writes `book` as a vCard 3.0 file or a Google CSV file, in 1 MB batches. */
function writeBook(path: string, book: readonly ContactRecord[], format: 'vcf' | 'csv'): void {
  const fd = openSync(path, 'w');
  try {
    const widths = { ...NO_WIDTHS, emails: 1, phones: 3 };
    let buffer = format === 'csv' ? csvHeader(widths) : '';
    book.forEach((r, i) => {
      const c = details(asWritten(r, i));
      buffer += format === 'csv' ? csvRow(c, widths) : writeVcard(c);
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    });
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

function childImport(ctx: BenchContext, file: string, name: string): { seconds: number; peakRssMb: number; added: number } {
  const db = join(ctx.dir, `${name}.db`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'import-child.ts'), db, file], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  if (child.status !== 0) throw new Error(`import of ${name} failed: ${child.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { seconds: number; peakRssMb: number; added: number };
}

/** Seconds to insert the rows through the store in one transaction. */
function baselineSeconds(ctx: BenchContext, book: readonly ContactRecord[]): number {
  const records = book.map(asWritten);
  const db = openDatabase(join(ctx.dir, 'import-baseline.db'));
  try {
    const store = createContactStore({ db });
    const start = process.hrtime.bigint();
    store.importSource({ path: join(ctx.dir, 'baseline'), format: 'vcard', fingerprint: '' }, (w) => {
      for (const r of records) w.upsert(r);
    });
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    closeDatabase(db);
  }
}

/**
 * Microseconds per number: national numbers through libphonenumber-js with the full (`/max`)
 * metadata and its validity check (what a file written without `+` costs), and E.164 input
 * through the fast path (what phone exports cost).
 */
function phoneCosts(book: readonly ContactRecord[]): { nationalUs: number; fastUs: number } {
  const e164s = book.flatMap((r) => r.phones.flatMap((p) => (p.e164 ? [p.e164] : []))).slice(0, 50_000);
  const nationals = Array.from({ length: 50_000 }, (_, i) => `(${212 + (i % 700)}) 555-${String(i % 10_000).padStart(4, '0')}`);
  const time = (inputs: readonly string[], f: (raw: string) => unknown): number => {
    for (const raw of inputs.slice(0, 1000)) f(raw); // warm-up: metadata compiled, code optimised
    const start = process.hrtime.bigint();
    for (const raw of inputs) f(raw);
    return Number(process.hrtime.bigint() - start) / 1e3 / inputs.length;
  };
  return { nationalUs: time(nationals, (raw) => normalizePhone(raw, 'US')), fastUs: time(e164s, fastE164) };
}

export const importBench: Bench = {
  description: 'vCard and Google CSV import vs. inserting the same rows',
  run(ctx) {
    const all = ctx.book();
    const book = all.slice(0, THROUGHPUT_CONTACTS);
    const n = book.length;
    const vcfPath = join(ctx.dir, 'import.vcf');
    const csvPath = join(ctx.dir, 'import.csv');
    writeBook(vcfPath, book, 'vcf');
    writeBook(csvPath, book, 'csv');
    ctx.log(`  importing ${n} contacts from vCard and CSV`);
    const vcf = childImport(ctx, vcfPath, 'vcf');
    const csv = childImport(ctx, csvPath, 'csv');
    if (vcf.added !== n || csv.added !== n) throw new Error(`imported ${vcf.added} (vCard) and ${csv.added} (CSV) of ${n}`);
    const base = n / baselineSeconds(ctx, book);
    let peakRssMb = vcf.peakRssMb;
    if (all.length > n) {
      ctx.log(`  importing ${all.length} contacts from vCard for the peak RSS`);
      writeBook(vcfPath, all, 'vcf');
      peakRssMb = childImport(ctx, vcfPath, 'vcf-large').peakRssMb;
    }
    const vcfRate = n / vcf.seconds;
    const csvRate = n / csv.seconds;
    const phones = phoneCosts(book);
    const figures: Figure[] = [
      { name: 'phone_national_valid_us', value: phones.nationalUs, unit: 'µs', target: null },
      { name: 'phone_e164_fast_path_us', value: phones.fastUs, unit: 'µs', target: null },
      { name: 'import_vcf_contacts_per_s', value: vcfRate, unit: '/s', target: null, better: 'higher', baseline: 'insert_baseline_contacts_per_s' },
      { name: 'import_csv_contacts_per_s', value: csvRate, unit: '/s', target: null, better: 'higher', baseline: 'insert_baseline_contacts_per_s' },
      { name: 'insert_baseline_contacts_per_s', value: base, unit: '/s', target: null, better: 'higher' },
      { name: 'import_vcf_ratio', value: vcfRate / base, unit: '', target: 0.5, better: 'higher' },
      { name: 'import_csv_ratio', value: csvRate / base, unit: '', target: 0.5, better: 'higher' },
      { name: 'import_peak_rss_mb', value: peakRssMb, unit: 'MB', target: 300 },
    ];
    return figures;
  },
};
