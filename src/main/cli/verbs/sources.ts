/**
 * `sources`: the imported files and CardDAV address books (`kind` `file` / `carddav`), with
 * their ids (for `remove`), contact counts, the last sync's local time and figures; a file
 * that is no longer on disk is flagged (its contacts are kept), a book shows its last failure.
 * `--json` prints the sources as the store lists them (a contract: its shape does not change).
 */
import { existsSync } from 'node:fs';
import { EXIT, refuseArguments, type Verb } from '../context';
import { formatTable, localTime } from '../format';
import { cliCardDav } from './carddav';

export const sourcesVerb: Verb = {
  summary: 'list imported address-book files and CardDAV address books',
  usage: '',
  run(ctx) {
    const refused = refuseArguments(ctx, 'sources');
    if (refused !== null) return refused;
    const books = new Map(cliCardDav(ctx, { readonly: true }).listBooks().map((b) => [b.sourceId, b]));
    const sources = ctx
      .openStore({ readonly: true })
      .listSources()
      .filter((s) => s.format !== 'manual')
      .map((s) => {
        const book = books.get(s.id);
        return book ? { ...s, name: book.displayName, url: book.url, lastError: book.lastError } : s;
      });
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
      return EXIT.ok;
    }
    let missing = 0;
    const rows = sources.map((s) => {
      const gone = s.kind === 'file' && !existsSync(s.path);
      if (gone) missing += 1;
      const problem = gone ? 'FILE MISSING' : 'lastError' in s && s.lastError ? s.lastError : '';
      return [
        String(s.id),
        s.path,
        s.kind,
        s.format,
        String(s.contactCount),
        localTime(s.lastSyncedAt),
        `+${s.added} ~${s.updated} =${s.unchanged} -${s.deleted}`,
        problem,
      ];
    });
    const footer = missing
      ? `; ${missing} file${missing === 1 ? '' : 's'} missing (${missing === 1 ? 'its' : 'their'} contacts are kept; \`remove ID\` forgets a source)`
      : '';
    ctx.stdout.write(
      formatTable(['ID', 'PATH', 'KIND', 'FORMAT', 'CONTACTS', 'LAST SYNCED', 'LAST IMPORT', 'PROBLEM'], rows, { maxWidth: ctx.options.width }) +
        `${sources.length} sources${footer}\n`,
    );
    return EXIT.ok;
  },
};
