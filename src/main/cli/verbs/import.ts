/**
 * `import FILE...`: imports each file into its own source (one transaction per file) and prints
 * its report; `--json` prints one object for one file, an array for several. A file that fails
 * gets a one-line error and changes nothing; the others are still imported, and the exit code
 * is non-zero.
 */
import { parseArgs } from 'node:util';
import type { CountryCode } from '../../contacts/phone';
import { importFile, type ImportReport } from '../../contacts/import/importer';
import { EXIT, type Verb, type VerbContext } from '../context';
import { formatReport } from '../report';

/**
 * The one-line warning for a report whose deletions were held back, telling how to apply
 * them when only a confirmation is missing (`verb` is the command to re-run).
 */
export function heldBackWarning(r: ImportReport, rerun: string): string | null {
  if (!r.heldBack) return null;
  const n = r.heldBack.count.toLocaleString('en-US');
  if (r.heldBack.reason === 'damaged') return `warning: ${r.path}: ${n} contacts no longer in the file were kept because the file is damaged; fix the file and sync again\n`;
  return `warning: ${r.path}: ${n} contacts are no longer in the file and were kept; to delete them run: ${rerun}\n`;
}

const shellQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Parses a verb's `--allow-deletions` and its positionals; throws on unknown options. */
export function parseDeletionFlag(argv: readonly string[]): { allowDeletions: boolean; positionals: string[] } {
  const { values, positionals } = parseArgs({ args: [...argv], options: { 'allow-deletions': { type: 'boolean' } }, allowPositionals: true });
  return { allowDeletions: values['allow-deletions'] === true, positionals };
}

/** The region numbers are read in when nothing is stored: `--region`, else the default chain. */
export function regionOf(ctx: VerbContext): CountryCode | undefined {
  return ctx.options.region ?? ctx.options.defaultRegion;
}

export const importVerb: Verb = {
  summary: 'import vCard / CSV address books, one source per file',
  usage: '[--allow-deletions] FILE...',
  run(ctx) {
    let parsed: ReturnType<typeof parseDeletionFlag>;
    try {
      parsed = parseDeletionFlag(ctx.argv);
    } catch {
      parsed = { allowDeletions: false, positionals: [] };
    }
    const files = parsed.positionals;
    if (files.length === 0 || files.some((a) => a.startsWith('-'))) {
      ctx.stderr.write('error: usage: import [--allow-deletions] FILE...\n');
      return EXIT.usage;
    }
    const store = ctx.openStore();
    const reports: ImportReport[] = [];
    let failed = false;
    for (const path of files) {
      // --region is stored with the source (changing it on a re-import); without it, the
      // source's stored region wins over the defaults.
      const result = importFile(store, path, {
        region: ctx.options.region,
        defaultRegion: ctx.options.defaultRegion,
        allowDeletions: parsed.allowDeletions,
        onProgress: (read, total) => ctx.progress.file(path, read, total),
      });
      ctx.progress.clear();
      if (!result.ok) {
        failed = true;
        ctx.stderr.write(`error: ${result.error.message}\n`);
        continue;
      }
      reports.push(result.value);
      if (!ctx.options.json) ctx.stdout.write(formatReport(result.value, ctx.options.verbose));
      const warning = heldBackWarning(result.value, `contacts import --allow-deletions ${shellQuote(path)}`);
      if (warning) ctx.stderr.write(warning);
    }
    if (ctx.options.json && reports.length) {
      const value = files.length === 1 ? reports[0] : reports;
      ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    }
    return failed ? EXIT.failure : EXIT.ok;
  },
};
