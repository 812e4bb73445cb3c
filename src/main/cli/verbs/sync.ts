/**
 * `sync`: re-imports every source whose file changed on disk, then syncs every CardDAV address
 * book (incrementally where the server allows). A source whose file vanished is listed as
 * missing and keeps its contacts; a file or book that fails gets a one-line error (exit 1) and
 * is left as it was, while the others still sync.
 */
import { syncAllSources } from '../../contacts/carddav/all-sources';
import { deferredSecrets } from '../../secrets/cli-secrets';
import { EXIT, type Verb } from '../context';
import { formatBookReport, formatReport } from '../report';
import { heldBackWarning, parseDeletionFlag, regionOf } from './import';

export const syncVerb: Verb = {
  summary: 're-import every changed file and sync every CardDAV address book',
  usage: '[--allow-deletions]',
  async run(ctx) {
    let allowDeletions: boolean;
    try {
      const parsed = parseDeletionFlag(ctx.argv);
      if (parsed.positionals.length) throw new Error('no positionals');
      allowDeletions = parsed.allowDeletions;
    } catch {
      ctx.stderr.write('error: usage: sync [--allow-deletions]\n');
      return EXIT.usage;
    }
    const result = await syncAllSources({
      db: ctx.database(),
      store: ctx.openStore(),
      secrets: deferredSecrets(async () => (await ctx.secrets()).secrets),
      options: { defaultRegion: regionOf(ctx), allowDeletions, onProgress: (read, total, path) => ctx.progress.file(path, read, total) },
      onBookProgress: (p) => ctx.progress.book(p.path, p.fetched, p.total),
    });
    ctx.progress.clear();
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.message}\n`);
      return EXIT.failure;
    }
    const { reports, missing, failed, carddav } = result.value;
    for (const f of failed) ctx.stderr.write(`error: ${f.message}\n`);
    for (const r of reports) {
      const warning = heldBackWarning(r, 'contacts sync --allow-deletions');
      if (warning) ctx.stderr.write(warning);
    }
    for (const r of carddav) {
      if (r.heldBack) ctx.stderr.write(`warning: ${r.path}: ${r.heldBack.count.toLocaleString('en-US')} contacts are no longer on the server and were kept; to delete them run: contacts sync --allow-deletions\n`);
    }
    const code = failed.length ? EXIT.failure : EXIT.ok;
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify({ reports, missing, failed, carddav }, null, 2)}\n`);
      return code;
    }
    for (const r of reports) ctx.stdout.write(formatReport(r, ctx.options.verbose));
    for (const r of carddav) if (r.mode !== 'unchanged') ctx.stdout.write(formatBookReport(r, ctx.options.verbose));
    for (const path of missing) ctx.stdout.write(`${path}: missing (file not found; its contacts are kept)\n`);
    const changedBooks = carddav.filter((r) => r.mode !== 'unchanged').length;
    if (!reports.length && !changedBooks && !missing.length && !failed.length) ctx.stdout.write('all sources up to date\n');
    return code;
  },
};
