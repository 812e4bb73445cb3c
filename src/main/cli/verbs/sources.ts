/**
 * `sources`: the imported files and CardDAV address books (`kind` `file` / `carddav`), with
 * their contact counts and the last import's figures; a book also shows its URL and its last
 * sync's failure.
 */
import { EXIT, refuseArguments, type Verb } from '../context';
import { formatTable } from '../format';
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
    const rows = sources.map((s) => [
      s.path,
      s.kind,
      s.format,
      String(s.contactCount),
      s.lastSyncedAt ?? 'never',
      `+${s.added} ~${s.updated} =${s.unchanged} -${s.deleted}`,
      'lastError' in s && s.lastError ? s.lastError : '',
    ]);
    ctx.stdout.write(
      formatTable(['PATH', 'KIND', 'FORMAT', 'CONTACTS', 'LAST SYNCED', 'LAST IMPORT', 'LAST ERROR'], rows) + `${sources.length} sources\n`,
    );
    return EXIT.ok;
  },
};
