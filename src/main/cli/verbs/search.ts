/**
 * `search [--limit N] TEXT`: the widget's `/contacts/search` (ranked the same way, contacts
 * without numbers left out as the widget leaves them out), as a table. It stops at N results
 * (default 50, the app's cap) and says so when more were found. `--json` prints the widget's
 * reply shape, `{ "data": [...] }`, with at most N contacts.
 */
import { parseArgs } from 'node:util';
import { EXIT, type Verb } from '../context';
import { formatTable } from '../format';
import { CONTACT_HEADERS, contactRows } from './rows';

export const DEFAULT_SEARCH_LIMIT = 50;
const USAGE = 'error: usage: search [--limit N] TEXT\n';

export const searchVerb: Verb = {
  summary: 'search names, companies, e-mails and numbers (at most N results, default 50)',
  usage: '[--limit N] TEXT',
  run(ctx) {
    let limit = DEFAULT_SEARCH_LIMIT;
    let text: string;
    try {
      const { values, positionals } = parseArgs({ args: ctx.argv, options: { limit: { type: 'string' } }, allowPositionals: true });
      text = positionals.join(' ');
      if (values.limit !== undefined) {
        if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) {
          ctx.stderr.write(`error: --limit needs a whole number of at least 1, not ${JSON.stringify(values.limit)}\n`);
          return EXIT.usage;
        }
        limit = Number(values.limit);
      }
    } catch {
      ctx.stderr.write(USAGE);
      return EXIT.usage;
    }
    if (!text.trim()) {
      ctx.stderr.write(USAGE);
      return EXIT.usage;
    }
    // One more than asked, to know whether the limit cut the list; no byte budget (that guards
    // the widget's IPC, not a terminal).
    const result = ctx.service({ readonly: true, searchLimit: limit + 1, maxReplyBytes: Infinity }).search({ searchString: text });
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.message}\n`);
      return result.error.code === 'bad-request' ? EXIT.usage : EXIT.failure;
    }
    const more = result.value.data.length > limit;
    const data = result.value.data.slice(0, limit);
    const stopped = `stopped at the limit of ${limit} results; \`search --limit ${limit * 2}\` shows more`;
    if (ctx.options.json) {
      ctx.stdout.write(`${JSON.stringify({ ...result.value, data }, null, 2)}\n`);
      if (more) ctx.stderr.write(`note: ${stopped}\n`);
    } else {
      const footer = more ? `${data.length} shown; ${stopped}` : `${data.length} found`;
      ctx.stdout.write(formatTable(CONTACT_HEADERS, data.flatMap((c) => contactRows(c)), { maxWidth: ctx.options.width }) + `${footer}\n`);
    }
    return EXIT.ok;
  },
};
