/**
 * The IPC contract, in one table. Each entry is one channel: its name on the wire, its
 * direction (`invoke`: page → main with an answer; `send`: page → main, no answer; `listen`:
 * main → page), which of our windows may use it, and the `window.softphone` function it
 * becomes (`'group.function'`). From this table follow
 * - the `SoftphoneApi` type (src/shared/api.ts) and the bridge object (src/shared/bridge-api.ts,
 *   used by the preload and by the e2e test bridge),
 * - the gate's registrations (src/main/ipc/handle.ts: the sender's window must be in `from`,
 *   and the argument must pass the channel's zod schema from src/main/ipc/schemas.ts, which is
 *   keyed by this table so a channel without a schema does not compile).
 * The table is plain data, so the sandboxed preload can import it; zod stays in main.
 */
import type { SettingsPatch } from '../main/settings/schema';
import type { AddressBookRow, CardDavLogin, FoundBook, SettingsView, WidgetCommand, WidgetConfig, WidgetEvent } from './api';
import type { ContactsPageResponse, MatchResponse, PersonDetails, SearchResponse } from './contact';

/** Our windows, as the gate tells them apart by their WebContents. */
export type WindowKind = 'main' | 'contact' | 'settings' | 'addressBooks';

/** Carries a channel's argument and answer types; nothing at run time. */
declare const types: unique symbol;

interface ChannelBase<Kind extends string, Api extends string> {
  readonly channel: string;
  readonly kind: Kind;
  readonly from: readonly WindowKind[];
  readonly api: Api;
}
export interface InvokeChannel<Arg, Value, Api extends string = string> extends ChannelBase<'invoke', Api> {
  readonly [types]?: (arg: Arg) => Value;
}
export interface SendChannel<Arg, Api extends string = string> extends ChannelBase<'send', Api> {
  readonly [types]?: (arg: Arg) => void;
}
export interface ListenChannel<Payload, Api extends string = string> extends ChannelBase<'listen', Api> {
  readonly [types]?: (payload: Payload) => void;
}
/** A table entry as plain data (what the bridge builder reads). */
export type ChannelSpec = ChannelBase<'invoke' | 'send' | 'listen', string>;

/** `Arg = void` makes a function without parameters. Curried so `Api` stays a literal. */
const invoke =
  <Arg, Value>() =>
  <const Api extends `${string}.${string}`>(channel: string, api: Api, from: readonly WindowKind[]): InvokeChannel<Arg, Value, Api> => ({ channel, kind: 'invoke', from, api });
const send =
  <Arg>() =>
  <const Api extends `${string}.${string}`>(channel: string, api: Api, from: readonly WindowKind[]): SendChannel<Arg, Api> => ({ channel, kind: 'send', from, api });
const listen =
  <Payload>() =>
  <const Api extends `${string}.${string}`>(channel: string, api: Api, from: readonly WindowKind[]): ListenChannel<Payload, Api> => ({ channel, kind: 'listen', from, api });

export const CHANNELS = {
  /** The widget's `/contacts` request body, passed through for the contact service to parse. */
  contactsList: invoke<unknown, ContactsPageResponse>()('contacts:list', 'contacts.list', ['main']),
  contactsSearch: invoke<unknown, SearchResponse>()('contacts:search', 'contacts.search', ['main']),
  contactsMatch: invoke<unknown, MatchResponse>()('contacts:match', 'contacts.match', ['main']),
  /** `/contacts/view`: main opens the contact window; the widget gets 'ok'. */
  contactsView: invoke<unknown, 'ok'>()('contacts:view', 'contacts.view', ['main']),
  /** The widget URL, origin and service registration fields. */
  widgetConfig: invoke<void, WidgetConfig>()('widget:config', 'widget.config', ['main']),
  /** A widget event the host forwards (validated in main). */
  widgetReport: send<WidgetEvent>()('widget:report', 'widget.report', ['main']),
  /** Commands for the widget host; `onCommand` returns its unsubscribe function. */
  widgetCommand: listen<WidgetCommand>()('widget:command', 'widget.onCommand', ['main']),
  /** The contact shown in the sender's window (resolved from the sender, never from the page). */
  contactWindowDetails: invoke<void, PersonDetails>()('contact-window:details', 'contactWindow.details', ['contact']),
  /** Dial a number through the widget. */
  contactWindowDial: invoke<string, void>()('contact-window:dial', 'contactWindow.dial', ['contact']),
  /** Open the mail client for an address. */
  contactWindowEmail: invoke<string, void>()('contact-window:email', 'contactWindow.email', ['contact']),
  /** Open one of the shown contact's websites (the URL `websiteLinkTarget` gives for it). */
  contactWindowOpenUrl: invoke<string, void>()('contact-window:open-url', 'contactWindow.openUrl', ['contact']),
  /** Unlink one part (a contact id of the card shown) from the others; answers the card as it now is. */
  contactWindowUnlink: invoke<string, PersonDetails>()('contact-window:unlink', 'contactWindow.unlink', ['contact']),
  /** Link again a contact of the card's `apart` list (undo an unlink); answers the card as it now is. */
  contactWindowLink: invoke<string, PersonDetails>()('contact-window:link', 'contactWindow.link', ['contact']),
  /** The settings, what is wrong in settings.json, and the choices the window offers. */
  settingsGet: invoke<void, SettingsView>()('settings:get', 'settings.get', ['settings']),
  /** Saves a change (validated again in main); it applies at once. */
  settingsSave: invoke<SettingsPatch, SettingsView>()('settings:save', 'settings.save', ['settings']),
  /** Every source with its state. The actions below take a source id from this list. */
  addressBooksList: invoke<void, AddressBookRow[]>()('address-books:list', 'addressBooks.list', ['addressBooks']),
  addressBooksSync: invoke<number, void>()('address-books:sync', 'addressBooks.sync', ['addressBooks']),
  /** Asks for confirmation in main; the contacts leave the widget as tombstones. */
  addressBooksRemove: invoke<number, void>()('address-books:remove', 'addressBooks.remove', ['addressBooks']),
  addressBooksReveal: invoke<number, void>()('address-books:reveal', 'addressBooks.reveal', ['addressBooks']),
  /** Main asks for the file's new place and re-points the source there. */
  addressBooksLocate: invoke<number, void>()('address-books:locate', 'addressBooks.locate', ['addressBooks']),
  addressBooksSetWatching: invoke<{ id: number; watching: boolean }, void>()('address-books:set-watching', 'addressBooks.setWatching', ['addressBooks']),
  addressBooksImport: invoke<void, void>()('address-books:import', 'addressBooks.import', ['addressBooks']),
  /** The countries a source's region can be changed to (ISO 3166 codes). */
  addressBooksRegions: invoke<void, string[]>()('address-books:regions', 'addressBooks.regions', ['addressBooks']),
  /** Reads a source's numbers in another region: a file is re-imported, a CardDAV book read again (main validates the code). */
  addressBooksSetRegion: invoke<{ id: number; region: string }, void>()('address-books:set-region', 'addressBooks.setRegion', ['addressBooks']),
  /** Finds a CardDAV account's address books (RFC 6764 / 6352 discovery); stores nothing. */
  addressBooksDiscover: invoke<CardDavLogin, FoundBook[]>()('address-books:discover', 'addressBooks.discover', ['addressBooks']),
  /**
   * Adds the picked books (by URL) of the account and syncs them; the password goes to the
   * keychain (safeStorage), never to settings.json, the database or a log.
   */
  addressBooksAddCardDav: invoke<CardDavLogin & { books: string[] }, void>()('address-books:add-carddav', 'addressBooks.addCardDav', ['addressBooks']),
  /** Sources changed (an import, a sync, a removal): the window lists them again. */
  addressBooksChanged: listen<null>()('address-books:changed', 'addressBooks.onChanged', ['addressBooks']),
} as const;

export type ChannelName = keyof typeof CHANNELS;
/** Channels a page calls (and main must register a handler and a schema for). */
export type InboundName = { [K in ChannelName]: (typeof CHANNELS)[K]['kind'] extends 'listen' ? never : K }[ChannelName];
export type InvokeName = { [K in ChannelName]: (typeof CHANNELS)[K]['kind'] extends 'invoke' ? K : never }[ChannelName];
export type SendName = { [K in ChannelName]: (typeof CHANNELS)[K]['kind'] extends 'send' ? K : never }[ChannelName];
export type ListenName = { [K in ChannelName]: (typeof CHANNELS)[K]['kind'] extends 'listen' ? K : never }[ChannelName];

type Signature<C> = C extends { readonly [types]?: (arg: infer A) => infer V } ? [A, V] : never;
/** What a channel carries from the page (or, for `listen`, to it). */
export type ArgOf<K extends ChannelName> = Signature<(typeof CHANNELS)[K]>[0];
/** What an `invoke` channel answers with (inside a `Result`). */
export type ValueOf<K extends ChannelName> = Signature<(typeof CHANNELS)[K]>[1];

/** The wire names by table key, for call sites and tests (`IPC.contactsList`). */
export const IPC = Object.fromEntries(Object.entries(CHANNELS).map(([name, spec]) => [name, spec.channel])) as {
  readonly [K in ChannelName]: (typeof CHANNELS)[K]['channel'];
};
export type IpcChannel = (typeof IPC)[ChannelName];
