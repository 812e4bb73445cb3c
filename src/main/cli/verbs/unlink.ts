/**
 * `unlink ID`: takes contact ID out of the person it is linked into (one contact per person,
 * store/links.ts), for good: re-imports do not link the pair again. It prints the person's
 * contacts (ids and sources) as they were, so the ids of the other parts are there to unlink
 * one of those instead.
 */
import { EXIT, type Verb } from '../context';
import { formatTable } from '../format';
import type { PersonDetails } from '../../../shared/contact';

const partRows = (card: PersonDetails): string[][] =>
  card.parts.map((p) => [p.id, p.displayName, p.source ? `${p.source.path} (${p.source.format})` : '']);

export const unlinkVerb: Verb = {
  summary: 'take a contact out of the person it is linked into (for good)',
  usage: 'ID',
  run(ctx) {
    const [id, ...extra] = ctx.argv;
    if (id === undefined || extra.length > 0 || !/^\d{1,15}$/.test(id)) {
      ctx.stderr.write('error: usage: unlink ID (a contact id, as `list` and `search` show them)\n');
      return EXIT.usage;
    }
    const store = ctx.openStore();
    const before = store.getPerson(id);
    if (!before) {
      ctx.stderr.write(`error: no contact ${id}\n`);
      return EXIT.failure;
    }
    if (before.parts.length < 2) {
      ctx.stderr.write(`error: contact ${id} is not linked with any other\n`);
      return EXIT.failure;
    }
    const changed = store.unlink(Number(id));
    if (!changed) {
      ctx.stderr.write(`error: contact ${id} is not linked with any other\n`);
      return EXIT.failure;
    }
    const rest = before.parts.filter((p) => p.id !== id).map((p) => p.id);
    const remaining = rest.length > 0 ? store.getPerson(rest[0]!) : null;
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify({ unlinked: id, from: rest, person: remaining && { id: remaining.id, parts: remaining.parts } }, null, 2)}\n`);
      return EXIT.ok;
    }
    ctx.stdout.write(formatTable(['ID', 'NAME', 'SOURCE'], partRows(before)));
    ctx.stdout.write(`unlinked ${id} from ${rest.join(', ')}${remaining && remaining.parts.length > 1 ? `; ${remaining.parts.map((p) => p.id).join(', ')} stay linked as ${remaining.id}` : ''}\n`);
    return EXIT.ok;
  },
};
