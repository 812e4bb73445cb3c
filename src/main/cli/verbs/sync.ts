/**
 * `sync`: re-imports every source whose file changed on disk; a source whose file vanished is
 * listed as missing and keeps its contacts; a file that fails gets a one-line error (exit 1)
 * and is left as it was, while the others still sync.
 */
import { syncSources } from '../../contacts/import/sync';
import { EXIT, type Verb } from '../context';
import { formatReport, heldBackWarning, parseDeletionFlag, regionOf } from './import';

export const syncVerb: Verb = {
  summary: 're-import every source whose file changed on disk',
  usage: '[--allow-deletions]',
  run(ctx) {
    let allowDeletions: boolean;
    try {
      const parsed = parseDeletionFlag(ctx.argv);
      if (parsed.positionals.length) throw new Error('no positionals');
      allowDeletions = parsed.allowDeletions;
    } catch {
      ctx.stderr.write('error: usage: sync [--allow-deletions]\n');
      return EXIT.usage;
    }
    const result = syncSources(ctx.openStore(), { region: regionOf(ctx), allowDeletions });
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.message}\n`);
      return EXIT.failure;
    }
    const { reports, missing, failed = [] } = result.value;
    for (const f of failed) ctx.stderr.write(`error: ${f.message}\n`);
    for (const r of reports) {
      const warning = heldBackWarning(r, 'contacts sync --allow-deletions');
      if (warning) ctx.stderr.write(warning);
    }
    const code = failed.length ? EXIT.failure : EXIT.ok;
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
      return code;
    }
    for (const r of reports) ctx.stdout.write(formatReport(r));
    for (const path of missing) ctx.stdout.write(`${path}: missing (file not found; its contacts are kept)\n`);
    if (!reports.length && !missing.length && !failed.length) ctx.stdout.write('all sources up to date\n');
    return code;
  },
};
