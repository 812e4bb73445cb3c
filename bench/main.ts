/**
 * `npm run bench [-- --json] [--contacts N] [--only NAME,...]`: builds a generated book in a
 * temporary folder, runs the registered benchmarks and prints their figures beside targets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContactRecord } from '../src/main/contacts/model';
import { generateBook } from './generate';
import { BENCHES } from './registry';
import { formatReport, jsonReport } from './report';
import type { BenchContext, Figure } from './types';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, contacts: { type: 'string' }, only: { type: 'string' } },
  });
  const contacts = Number(values.contacts ?? 100_000);
  if (!Number.isInteger(contacts) || contacts < 100) throw new Error('--contacts must be an integer ≥ 100');
  const names = values.only ? values.only.split(',') : Object.keys(BENCHES);
  for (const name of names) if (!Object.hasOwn(BENCHES, name)) throw new Error(`unknown bench ${name}`);

  const dir = mkdtempSync(join(tmpdir(), 'softphone-bench-'));
  let book: ContactRecord[] | undefined;
  const ctx: BenchContext = {
    contacts,
    dir,
    book: () => (book ??= [...generateBook(contacts)]),
    log: (message) => process.stderr.write(`${message}\n`),
  };
  const figures: Figure[] = [];
  try {
    for (const name of names) {
      ctx.log(`bench ${name}: ${BENCHES[name]!.description}`);
      figures.push(...(await BENCHES[name]!.run(ctx)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(values.json ? `${jsonReport(contacts, figures)}\n` : formatReport(contacts, figures));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
