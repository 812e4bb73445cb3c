/**
 * `link ID`: the undo of `unlink ID`. It forgets every decision that keeps contact ID apart
 * from others (store/links.ts) and links its name again: ID joins the person again if it still
 * shares a name and a number or e-mail with it. It prints the person ID is now part of.
 */
import { EXIT, type Verb } from '../context';
import { formatTable } from '../format';
import { partRows, personArg } from './person-arg';

export const linkVerb: Verb = {
  summary: 'link a contact again that `unlink` kept apart (undo an unlink)',
  usage: 'ID',
  run(ctx) {
    const arg = personArg(ctx, 'link', 'a contact id, as `unlink`, `list` and `search` show them');
    if (typeof arg === 'number') return arg;
    const { id, store, before } = arg;
    if (!store.link(Number(id))) {
      ctx.stderr.write(`error: contact ${id} is not kept apart from any other\n`);
      return EXIT.failure;
    }
    const after = store.getPerson(id)!;
    const stillApart = new Set(after.apart.map((p) => p.id));
    const freed = before.apart.map((p) => p.id).filter((other) => !stillApart.has(other));
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify({ linked: id, with: freed, person: { id: after.id, parts: after.parts } }, null, 2)}\n`);
      return EXIT.ok;
    }
    ctx.stdout.write(formatTable(['ID', 'NAME', 'SOURCE'], partRows(after)));
    const others = after.parts.filter((p) => p.id !== id).map((p) => p.id);
    ctx.stdout.write(
      others.length > 0
        ? `linked ${id} again with ${others.join(', ')}, as ${after.id}\n`
        : `forgot what kept ${id} apart${freed.length ? ` from ${freed.join(', ')}` : ''}; not linked: it shares no name and number or e-mail with another contact now\n`,
    );
    return EXIT.ok;
  },
};
