/**
 * IPC handlers of the widget host page (main window only): the four contact paths, the widget
 * configuration, and widget events. Each is a few lines over the contact service.
 */
import type { WidgetConfig, WidgetEvent } from '../../shared/api';
import type { ContactDetails, ContactsPageResponse, MatchResponse, SearchResponse } from '../../shared/contact';
import { IPC } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import type { IpcGate, SenderFilter } from './handle';
import { noArgumentSchema, requestBodySchema, widgetEventSchema } from './schemas';

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
  /** True for the main window's WebContents. */
  isMainWindow: SenderFilter;
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
  const { gate, isMainWindow, service } = deps;
  gate.handle(IPC.contactsList, requestBodySchema, isMainWindow, (body) => service.list(body));
  gate.handle(IPC.contactsSearch, requestBodySchema, isMainWindow, (body) => service.search(body));
  gate.handle(IPC.contactsMatch, requestBodySchema, isMainWindow, (body) => {
    deps.onMatchRequest?.(body);
    return service.match(body);
  });
  gate.handle(IPC.contactsView, requestBodySchema, isMainWindow, async (body): Promise<Result<'ok'>> => {
    const viewed = await service.view(body);
    if (!viewed.ok) return viewed;
    if (!viewed.value.contact) return fail('not-found', 'no such contact');
    deps.openContactWindow(viewed.value.contact);
    return ok('ok');
  });
  gate.handle(IPC.widgetConfig, noArgumentSchema, isMainWindow, () => deps.widgetConfig());
  gate.on(IPC.widgetReport, widgetEventSchema, isMainWindow, (event) => deps.onWidgetEvent(event));
}
