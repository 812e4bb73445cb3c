/**
 * `request PATH [BODY_JSON]`: answers one widget request exactly as the app would and prints
 * the `response` object. Everything is checked before the database is opened, and requests
 * only read, so a refused request changes nothing.
 */
import { CONTACT_PATHS } from '../../contacts/service';
import { EXIT, type Verb } from '../context';

export const requestVerb: Verb = {
  summary: 'answer one widget request and print its response object as JSON',
  usage: 'PATH [BODY_JSON]',
  run(ctx) {
    const [path, bodyText, ...extra] = ctx.argv;
    if (!path || extra.length) {
      ctx.stderr.write('error: usage: request PATH [BODY_JSON]\n');
      return EXIT.usage;
    }
    if (!(CONTACT_PATHS as readonly string[]).includes(path)) {
      ctx.stderr.write(`error: unknown request path ${JSON.stringify(path)} (known: ${CONTACT_PATHS.join(', ')})\n`);
      return EXIT.usage;
    }
    let body: unknown = {};
    if (bodyText !== undefined) {
      try {
        body = JSON.parse(bodyText);
      } catch (error) {
        ctx.stderr.write(`error: BODY_JSON is not valid JSON: ${(error as Error).message}\n`);
        return EXIT.usage;
      }
    }
    const result = ctx.service({ readonly: true }).handle(path, body);
    if (!result.ok) {
      ctx.stderr.write(`error: ${result.error.code}: ${result.error.message}\n`);
      return result.error.code === 'internal' ? EXIT.failure : EXIT.usage;
    }
    ctx.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    return EXIT.ok;
  },
};
