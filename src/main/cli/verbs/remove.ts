/**
 * `remove SOURCE`: forgets one source, named by its id (`sources` lists them) or its path. Its
 * contacts become tombstones through the store's `removeSource`, so the app's next incremental
 * sync takes them out of the widget; the file itself is not touched. A CardDAV book is removed
 * as the Address books window removes it (its account and password stay; `carddav remove`
 * forgets those).
 */
import { resolve } from 'node:path';
import { EXIT, type Verb } from '../context';

export const removeVerb: Verb = {
  summary: 'forget a source (by id or path); its contacts are deleted, the file is not touched',
  usage: 'SOURCE',
  run(ctx) {
    if (ctx.argv.length !== 1 || ctx.argv[0]!.startsWith('-')) {
      ctx.stderr.write('error: usage: remove SOURCE (an id or a path, as `sources` lists them)\n');
      return EXIT.usage;
    }
    const named = ctx.argv[0]!;
    const store = ctx.openStore();
    const source = (/^\d+$/.test(named) ? store.getSourceById(Number(named)) : null) ?? store.getSource(named) ?? store.getSource(resolve(named));
    if (!source || source.kind === 'manual') {
      ctx.stderr.write(`error: no source ${JSON.stringify(named)}; \`sources\` lists them\n`);
      return EXIT.failure;
    }
    const removed = store.removeSource(source.id);
    if (!removed) {
      ctx.stderr.write(`error: no source ${JSON.stringify(named)}; \`sources\` lists them\n`);
      return EXIT.failure;
    }
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify({ id: source.id, path: source.path, kind: source.kind, deleted: removed.deleted, changedNumbers: removed.changedNumbers }, null, 2)}\n`);
    } else {
      ctx.stdout.write(`removed ${source.path}: ${removed.deleted} contact${removed.deleted === 1 ? '' : 's'} deleted\n`);
    }
    return EXIT.ok;
  },
};
