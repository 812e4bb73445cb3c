/**
 * zod schemas for everything that crosses IPC into main, one per page → main channel of the
 * table (src/shared/ipc.ts): `SCHEMAS` is keyed by it, so a channel without a schema, or with
 * a schema of the wrong type, does not compile. Main-only, so zod stays out of the preload.
 * Widget request bodies are only checked to be plain objects here; the contact service parses
 * their fields (it owns that contract).
 */
import { z } from 'zod';
import type { WidgetEvent } from '../../shared/api';
import type { ArgOf, InboundName } from '../../shared/ipc';
import { SettingsPatchSchema } from '../settings/schema';

/** A widget request body: a JSON object of bounded size. */
export const requestBodySchema = z
  .record(z.string(), z.unknown())
  .refine((body) => JSON.stringify(body).length <= 1_000_000, 'request body too large');

export const noArgumentSchema = z.undefined();

/** A dialable number as the widget takes it: optional `+`, digits, `*` and `#`. */
export const dialableNumberSchema = z.string().regex(/^\+?[0-9*#]{2,32}$/, 'not a dialable number');

/** An e-mail address we are willing to put into a `mailto:` URL. */
export const emailAddressSchema = z.email().max(254);

export const widgetEventSchema: z.ZodType<WidgetEvent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('login-status'), loggedIn: z.boolean() }),
  z.object({ kind: z.literal('dialer-status'), ready: z.boolean() }),
  z.object({ kind: z.literal('region'), countryCode: z.string().regex(/^[A-Z]{2}$/) }),
  z.object({
    kind: z.literal('call-ring'),
    from: z.string().max(64),
    fromUserName: z.string().max(256).optional(),
    contactName: z.string().max(256).optional(),
  }),
  z.object({ kind: z.literal('widget-loaded') }),
]);

/** A contact id as the contact window names one of its card's parts. */
export const contactIdSchema = z.string().regex(/^\d{1,15}$/, 'not a contact id');

/** A source id from the Address books list (main looks it up; the page names nothing else). */
export const sourceIdSchema = z.number().int().positive();

/** A CardDAV login from the Add CardDAV account form; the URL rules are the core's (carddav/urls.ts). */
export const cardDavLoginSchema = z.strictObject({
  server: z.string().trim().min(1, 'a server is needed').max(2048),
  username: z.string().min(1, 'a username is needed').max(256),
  password: z.string().min(1, 'a password is needed').max(4096),
});

export const SCHEMAS: { readonly [K in InboundName]: z.ZodType<ArgOf<K>> } = {
  contactsList: requestBodySchema,
  contactsSearch: requestBodySchema,
  contactsMatch: requestBodySchema,
  contactsView: requestBodySchema,
  widgetConfig: noArgumentSchema,
  widgetReport: widgetEventSchema,
  contactWindowDetails: noArgumentSchema,
  contactWindowDial: dialableNumberSchema,
  contactWindowEmail: emailAddressSchema,
  contactWindowOpenUrl: z.string().min(1).max(4096),
  contactWindowUnlink: contactIdSchema,
  contactWindowLink: contactIdSchema,
  settingsGet: noArgumentSchema,
  settingsSave: SettingsPatchSchema,
  addressBooksList: noArgumentSchema,
  addressBooksSync: sourceIdSchema,
  addressBooksRemove: sourceIdSchema,
  addressBooksReveal: sourceIdSchema,
  addressBooksLocate: sourceIdSchema,
  addressBooksSetWatching: z.strictObject({ id: sourceIdSchema, watching: z.boolean() }),
  addressBooksImport: noArgumentSchema,
  addressBooksRegions: noArgumentSchema,
  addressBooksSetRegion: z.strictObject({ id: sourceIdSchema, region: z.string().max(8) }),
  addressBooksDiscover: cardDavLoginSchema,
  addressBooksAddCardDav: cardDavLoginSchema.extend({ books: z.array(z.string().max(2048)).min(1, 'pick at least one address book').max(100) }),
};
