/**
 * IPC handlers of the widget host page (the table lets only the main window call them): the
 * four contact paths, the widget configuration, and widget events. Each is a few lines over
 * the contact service.
 */
import type { WidgetConfig, WidgetEvent } from '../../shared/api';
import type { ContactDetails, ContactsPageResponse, MatchResponse, SearchResponse } from '../../shared/contact';
import { fail, ok, type Result } from '../../shared/result';
import type { IpcGate } from './handle';

type MaybeAsync<T> = T | Promise<T>;

/** The contact service as the shell uses it (`createContactService` in src/main/contacts). */
export interface ContactServiceLike {
  list(body: unknown): MaybeAsync<Result<ContactsPageResponse>>;
  search(body: unknown): MaybeAsync<Result<SearchResponse>>;
  match(body: unknown): MaybeAsync<Result<MatchResponse>>;
  view(body: unknown): MaybeAsync<Result<{ response: 'ok'; contact: ContactDetails | null }>>;
}

export interface ContactsHandlerDeps {
  gate: IpcGate;
  service: ContactServiceLike;
  /** Opens (or focuses) the contact window for a contact. */
  openContactWindow: (contact: ContactDetails) => void;
  widgetConfig: () => Result<WidgetConfig>;
  onWidgetEvent: (event: WidgetEvent) => void;
  /** Sees every `/contacts/match` body (widget-tracked-numbers.ts keeps the numbers). */
  onMatchRequest?: (body: unknown) => void;
}

/** Registers contacts:*, widget:config and widget:report. */
export function registerContactsHandlers(deps: ContactsHandlerDeps): void {
  const { gate, service } = deps;
  gate.handle('contactsList', (body) => service.list(body));
  gate.handle('contactsSearch', (body) => service.search(body));
  gate.handle('contactsMatch', (body) => {
    deps.onMatchRequest?.(body);
    return service.match(body);
  });
  gate.handle('contactsView', async (body): Promise<Result<'ok'>> => {
    const viewed = await service.view(body);
    if (!viewed.ok) return viewed;
    if (!viewed.value.contact) return fail('not-found', 'no such contact');
    deps.openContactWindow(viewed.value.contact);
    return ok('ok');
  });
  gate.handle('widgetConfig', () => deps.widgetConfig());
  gate.on('widgetReport', (event) => deps.onWidgetEvent(event));
}
