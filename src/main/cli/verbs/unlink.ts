/**
 * `unlink ID`: takes contact ID out of the person it is linked into (one contact per person,
 * store/links.ts), for good: re-imports do not link the pair again. It prints the person's
 * contacts (ids and sources) as they were, so the ids of the other parts are there to unlink
 * one of those instead.
 */
import { EXIT, type Verb } from '../context';
import { formatTable } from '../format';
import { partRows, personArg } from './person-arg';

export const unlinkVerb: Verb = {
  summary: 'take a contact out of the person it is linked into (for good)',
  usage: 'ID',
  run(ctx) {
    const arg = personArg(ctx, 'unlink', 'a contact id, as `list` and `search` show them');
    if (typeof arg === 'number') return arg;
    const { id, store, before } = arg;
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
