/**
 * `sources`: the imported files, with their contact counts and the last import's figures.
 */
import { EXIT, refuseArguments, type Verb } from '../context';
import { formatTable } from '../format';

export const sourcesVerb: Verb = {
  summary: 'list imported address-book files',
  usage: '',
  run(ctx) {
    const refused = refuseArguments(ctx, 'sources');
    if (refused !== null) return refused;
    const sources = ctx.openStore({ readonly: true }).listSources().filter((s) => s.format !== 'manual');
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = sources.map((s) => [
      s.path,
      s.format,
      String(s.contactCount),
      s.lastSyncedAt ?? '',
      `+${s.added} ~${s.updated} =${s.unchanged} -${s.deleted}`,
    ]);
    ctx.stdout.write(formatTable(['PATH', 'FORMAT', 'CONTACTS', 'LAST SYNCED', 'LAST IMPORT'], rows) + `${sources.length} sources\n`);
    return EXIT.ok;
  },
};
