/**
 * `remove SOURCE`: forgets one source, named by its id (`sources` lists them) or its path. Its
 * contacts become tombstones through the store's `removeSource`, so the app's next incremental
 * sync takes them out of the widget; the file itself is not touched. A CardDAV book is removed
 * as the Address books window removes it (contacts/remove-source.ts): the account and its
 * password are forgotten with its last book; `carddav remove` forgets an account at once.
 */
import { resolve } from 'node:path';
import { describeError } from '../../contacts/carddav';
import { removeSource, type RemovedSource } from '../../contacts/remove-source';
import { EXIT, type Verb } from '../context';
import { cliCardDav } from './carddav';

export const removeVerb: Verb = {
  summary: 'forget a source (by id or path); its contacts are deleted, the file is not touched',
  usage: 'SOURCE',
  async run(ctx) {
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
    let removed: RemovedSource | null;
    try {
      // The keychain is reached only for a book: removing a file never waits for it.
      removed = await removeSource(source, { store, carddav: async () => cliCardDav(ctx, {}, (await ctx.secrets()).secrets) });
    } catch (error) {
      ctx.stderr.write(`error: ${describeError(error)}\n`);
      return EXIT.failure;
    }
    if (!removed) {
      ctx.stderr.write(`error: no source ${JSON.stringify(named)}; \`sources\` lists them\n`);
      return EXIT.failure;
    }
    if (ctx.options.json) {
      const { deleted, changedNumbers, accountForgotten } = removed;
      ctx.stdout.write(`${JSON.stringify({ id: source.id, path: source.path, kind: source.kind, deleted, changedNumbers, accountForgotten }, null, 2)}\n`);
    } else {
      ctx.stdout.write(`removed ${source.path}: ${removed.deleted} contact${removed.deleted === 1 ? '' : 's'} deleted\n`);
      if (removed.accountForgotten) ctx.stdout.write('it was its CardDAV account\'s last address book: the account and its password are forgotten\n');
    }
    return EXIT.ok;
  },
};
