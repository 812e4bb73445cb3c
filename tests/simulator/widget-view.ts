/**
 * "View contact details" from a call's details: a `/contacts/view` request only for a matched
 * contact of our service type; the answer is timed against the widget's 3 s budget.
 */
import type { ViewRecord, WidgetContext } from './widget-state';

/** Opens the details of the first match for `phoneNumber`; resolves with what happened. */
export async function viewMatchedContact(ctx: WidgetContext, phoneNumber: string): Promise<ViewRecord | string> {
  const { state, deps } = ctx;
  const contact = state.matches[phoneNumber]?.contacts[0];
  if (!contact) return 'no match for this number';
  const path = state.service?.viewMatchedContactPath;
  if (!path || contact.type !== state.service?.name) {
    ctx.log('note', 'view', 'opened the widget\'s own contact panel');
    return 'widget panel';
  }
  const record: ViewRecord = { contactId: contact.id, elapsedMs: null, timedOut: false, budgetMs: deps.timeouts.view };
  state.views.push(record);
  ctx.log('out', '/contacts/view', String(contact.id));
  try {
    record.response = await deps.requester.request(path, contact, deps.timeouts.view, (outcome) => {
      record.elapsedMs = outcome.elapsedMs;
      record.timedOut = outcome.timedOut;
    });
  } catch {
    // The widget only logs a view timeout.
    ctx.error(`/contacts/view ${String(contact.id)} timed out after ${deps.timeouts.view} ms`);
  }
  deps.onChange();
  return record;
}
