/**
 * `import FILE...`: imports each file into its own source (one transaction per file) and prints
 * its report; `--json` prints one object for one file, an array for several. A file that fails
 * gets a one-line error and changes nothing; the others are still imported, and the exit code
 * is non-zero.
 */
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { importFile, type ImportReport } from '../../contacts/import/importer';
import { EXIT, type Verb, type VerbContext } from '../context';

/** The report as a person reads it: counts on one line, then skips and changed numbers. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.path} (${r.format}): ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.deleted} deleted, ${r.skipped.length} skipped`,
    ...r.skipped.map((s) => `  skipped line ${s.line}: ${s.reason}`),
  ];
  for (const k of r.numbersKeptAsWritten) {
    lines.push(`  ${k.count} ${k.count === 1 ? 'number' : 'numbers'} kept as written: ${k.reason} (e.g. ${k.example})`);
  }
  if (r.changedNumbers.length) {
    const count = r.changedNumbersTotal > r.changedNumbers.length ? `${r.changedNumbersTotal} changed numbers (first ${r.changedNumbers.length})` : `${r.changedNumbers.length} changed numbers`;
    lines.push(`  ${count}: ${r.changedNumbers.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The CLI's region when libphonenumber knows it; numbers are then read as local to it. */
export function regionOf(ctx: VerbContext): CountryCode | undefined {
  const region = ctx.options.region;
  return region && isSupportedCountry(region) ? region : undefined;
}

export const importVerb: Verb = {
  summary: 'import vCard / CSV address books, one source per file',
  usage: 'FILE...',
  run(ctx) {
    if (ctx.argv.length === 0 || ctx.argv.some((a) => a.startsWith('-'))) {
      ctx.stderr.write('error: usage: import FILE...\n');
      return EXIT.usage;
    }
    const store = ctx.openStore();
    const reports: ImportReport[] = [];
    let failed = false;
    for (const path of ctx.argv) {
      const result = importFile(store, path, { region: regionOf(ctx) });
      if (!result.ok) {
        failed = true;
        ctx.stderr.write(`error: ${result.error.message}\n`);
        continue;
      }
      reports.push(result.value);
      if (!ctx.options.json) ctx.stdout.write(formatReport(result.value));
    }
    if (ctx.options.json && reports.length) {
      const value = ctx.argv.length === 1 ? reports[0] : reports;
      ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    }
    return failed ? EXIT.failure : EXIT.ok;
  },
};
