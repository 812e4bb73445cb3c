/**
 * `list`: every contact, as the widget would receive it in a full `/contacts` fetch.
 */
import type { WidgetContact } from '../../../shared/contact';
import { EXIT, refuseArguments, type Verb } from '../context';
import { contactRows, CONTACT_HEADERS } from './rows';
import { formatTable } from '../format';

export const listVerb: Verb = {
  summary: 'list every contact',
  usage: '',
  run(ctx) {
    const refused = refuseArguments(ctx, 'list');
    if (refused !== null) return refused;
    const service = ctx.service({ readonly: true });
    const contacts: WidgetContact[] = [];
    let page: string | number = 1;
    for (;;) {
      const result = service.list({ page, syncTimestamp: null });
      if (!result.ok) {
        ctx.stderr.write(`error: ${result.error.message}\n`);
        return EXIT.failure;
      }
      for (const c of result.value.data) if (!c.deleted) contacts.push(c as WidgetContact);
      if (!result.value.nextPage) break;
      page = result.value.nextPage;
    }
    if (ctx.options.json) ctx.stdout.write(`${JSON.stringify(contacts, null, 2)}\n`);
    else ctx.stdout.write(formatTable(CONTACT_HEADERS, contacts.flatMap((c) => contactRows(c))) + `${contacts.length} contacts\n`);
    return EXIT.ok;
  },
};
