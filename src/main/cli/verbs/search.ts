/**
 * `search TEXT`: the widget's `/contacts/search`, as a table.
 */
import { EXIT, type Verb } from '../context';
import { formatTable } from '../format';
import { CONTACT_HEADERS, contactRows } from './rows';

export const searchVerb: Verb = {
  summary: 'search names, companies, e-mails and numbers',
  usage: 'TEXT',
  run(ctx) {
    const text = ctx.argv.join(' ');
    if (!text.trim()) {
      ctx.stderr.write('error: usage: search TEXT\n');
      return EXIT.usage;
    }
    const result = ctx.service({ readonly: true }).search({ searchString: text });
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.message}\n`);
      return result.error.code === 'bad-request' ? EXIT.usage : EXIT.failure;
    }
    if (ctx.options.json) ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    else {
      const data = result.value.data;
      ctx.stdout.write(formatTable(CONTACT_HEADERS, data.flatMap((c) => contactRows(c))) + `${data.length} found\n`);
    }
    return EXIT.ok;
  },
};
