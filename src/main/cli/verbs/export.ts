/**
 * `export [--force] --format vcf|csv FILE`: every live contact to one file (written to a temporary
 * file, then renamed over FILE). FILE may not be an imported source unless `--force`.
 */
import { parseArgs } from 'node:util';
import { exportContacts } from '../../contacts/import/export';
import { EXIT, type Verb } from '../context';

export const exportVerb: Verb = {
  summary: 'export every contact to a vCard or CSV file',
  usage: '[--force] --format vcf|csv FILE',
  run(ctx) {
    let format: unknown;
    let file: string | undefined;
    let force = false;
    try {
      const { values, positionals } = parseArgs({ args: ctx.argv, options: { format: { type: 'string' }, force: { type: 'boolean' } }, allowPositionals: true });
      format = values.format;
      force = values.force === true;
      if (positionals.length === 1) file = positionals[0];
    } catch {
      file = undefined;
    }
    if ((format !== 'vcf' && format !== 'csv') || !file) {
      ctx.stderr.write('error: usage: export [--force] --format vcf|csv FILE\n');
      return EXIT.usage;
    }
    const result = exportContacts(ctx.openStore({ readonly: true }), format, file, { force });
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.message}\n`);
      return EXIT.failure;
    }
    if (ctx.options.json) ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    else ctx.stdout.write(`${result.value.contacts} contacts written to ${result.value.path}\n`);
    return EXIT.ok;
  },
};
