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

/** `--help`: the options, and the benchmarks `--only` can name (from the registry, so it stays true). */
function helpText(): string {
  return [
    'usage: npm run bench -- [--json] [--contacts N] [--only NAME,...]',
    '',
    'options:',
    '  --json          print one JSON object (name, value, unit, target per figure) instead of the table',
    '  --contacts N    size of the generated address book (default 100000, at least 100)',
    '  --only NAME,... run only these benchmarks (default: all)',
    '  -h, --help      print this and exit',
    '',
    'benchmarks:',
    ...Object.entries(BENCHES).map(([name, b]) => `  ${name.padEnd(15)} ${b.description}`),
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, contacts: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(helpText());
    return 0;
  }
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
