/**
 * The one argument of `unlink` and `link`: a contact id, checked, and the card of its person
 * read before the change (to say afterwards what changed).
 */
import { EXIT, type VerbContext } from '../context';
import type { PersonDetails } from '../../../shared/contact';
import type { ContactStore } from '../../contacts/store';

/** The id, the store and the card; or the exit code after one line on stderr. */
export function personArg(ctx: VerbContext, verb: string, hint: string): { id: string; store: ContactStore; before: PersonDetails } | number {
  const [id, ...extra] = ctx.argv;
  if (id === undefined || extra.length > 0 || !/^\d{1,15}$/.test(id)) {
    ctx.stderr.write(`error: usage: ${verb} ID (${hint})\n`);
    return EXIT.usage;
  }
  const store = ctx.openStore();
  const before = store.getPerson(id);
  if (!before) {
    ctx.stderr.write(`error: no contact ${id}\n`);
    return EXIT.failure;
  }
  return { id, store, before };
}

/** One row per contact of a person: id, name, source. */
export const partRows = (card: PersonDetails): string[][] =>
  card.parts.map((p) => [p.id, p.displayName, p.source ? `${p.source.path} (${p.source.format})` : '']);
