/**
 * `list`: every contact, as the widget would receive it in a full `/contacts` fetch. Streamed
 * page by page, so a million contacts never sit in memory at once: JSON is written as the pages
 * come; the table reads the pages twice, once for the column widths and once to print.
 */
import type { WidgetContact } from '../../../shared/contact';
import type { ContactService } from '../../contacts/service';
import { EXIT, refuseArguments, type Verb, type VerbContext, type Writer } from '../context';
import { contactRows, CONTACT_HEADERS } from './rows';
import { createTableLayout } from '../format';

/** Every page of live contacts of one full fetch; throws the service's error message. */
function* pages(service: ContactService): Generator<WidgetContact[]> {
  let page: string | number = 1;
  for (;;) {
    const result = service.list({ page, syncTimestamp: null });
    if (!result.ok) throw new Error(result.error.message);
    yield result.value.data.filter((c) => !c.deleted) as WidgetContact[];
    if (!result.value.nextPage) return;
    page = result.value.nextPage;
  }
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full (a slow pipe). */
async function write(out: Writer, text: string): Promise<void> {
  if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}

async function listJson(ctx: VerbContext, service: ContactService): Promise<void> {
  let first = true;
  for (const page of pages(service)) {
    // The same text as JSON.stringify(all, null, 2), one page at a time.
    const items = page.map((c) => JSON.stringify(c, null, 2).replace(/\n/g, '\n  '));
    if (!items.length) continue;
    await write(ctx.stdout, `${first ? '[\n  ' : ',\n  '}${items.join(',\n  ')}`);
    first = false;
  }
  await write(ctx.stdout, first ? '[]\n' : '\n]\n');
}

async function listTable(ctx: VerbContext, service: ContactService): Promise<void> {
  const layout = createTableLayout(CONTACT_HEADERS, { maxWidth: ctx.options.width });
  for (const page of pages(service)) layout.widen(page.flatMap((c) => contactRows(c)));
  await write(ctx.stdout, layout.head());
  let count = 0;
  for (const page of pages(service)) {
    count += page.length;
    if (page.length) await write(ctx.stdout, layout.rows(page.flatMap((c) => contactRows(c))));
  }
  await write(ctx.stdout, `${count} contacts\n`);
}

export const listVerb: Verb = {
  summary: 'list every contact',
  usage: '',
  async run(ctx) {
    const refused = refuseArguments(ctx, 'list');
    if (refused !== null) return refused;
    // Outside the try: a database that cannot be opened is the CLI's to report (exit codes).
    const service = ctx.service({ readonly: true });
    try {
      await (ctx.options.json ? listJson(ctx, service) : listTable(ctx, service));
    } catch (error) {
      ctx.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT.failure;
    }
    return EXIT.ok;
  },
};
