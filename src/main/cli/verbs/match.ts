/**
 * `match NUMBER...`: the widget's `/contacts/match` (caller ID), as a table.
 */
import { EXIT, type Verb } from '../context';
import { formatTable } from '../format';
import { CONTACT_HEADERS, contactRows } from './rows';

export const matchVerb: Verb = {
  summary: 'find the contacts that own these numbers (caller ID)',
  usage: 'NUMBER...',
  run(ctx) {
    if (ctx.argv.length === 0) {
      ctx.stderr.write('error: usage: match NUMBER...\n');
      return EXIT.usage;
    }
    const result = ctx.service({ readonly: true }).match({ phoneNumbers: ctx.argv });
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.message}\n`);
      return result.error.code === 'bad-request' ? EXIT.usage : EXIT.failure;
    }
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = ctx.argv.flatMap((q) => {
      const found = result.value.data[q] ?? [];
      return found.length ? found.flatMap((c) => contactRows(c, [q])) : [[q, '', '(no match)', '', '', '', '']];
    });
    ctx.stdout.write(formatTable(['QUERY', ...CONTACT_HEADERS], rows, { maxWidth: ctx.options.width }));
    return EXIT.ok;
  },
};
