/**
 * IPC handlers of the contact window page. The contact shown is resolved from the sender's
 * window, never taken from the page, so a page cannot read another contact.
 */
import type { PersonDetails } from '../../shared/contact';
import { websiteLinkTarget } from '../../shared/contact-links';
import { fail, ok, type Result } from '../../shared/result';
import type { IpcGate } from './handle';

export interface ContactWindowHandlerDeps {
  gate: IpcGate;
  contactIdFor: (webContentsId: number) => string | undefined;
  /** The card of the person a contact id belongs to (store.getPerson). */
  getDetails: (contactId: string) => PersonDetails | null;
  /**
   * Unlinks a contact from the person it is linked into and tells the widget (an incremental
   * sync, re-matching the numbers that changed); false when it was not linked.
   */
  unlink: (contactId: string) => boolean;
  /**
   * Forgets the unlink decisions between the person of `contactId` and the person of `withId`
   * (store.link) and tells the widget likewise; false when there were none.
   */
  link: (contactId: string, withId: string) => boolean;
  /** Sends `new-call` to the widget and brings the main window forward. */
  dial: (phoneNumber: string) => void;
  /** Opens the system mail client for a validated address (security/external.ts). */
  openMailto: (address: string) => boolean;
  /** Opens an http(s) or mailto link after checking it again (security/external.ts `openLink`). */
  openLink: (url: string) => boolean;
}

/** Registers contact-window:details, :dial, :email, :open-url, :unlink and :link. */
export function registerContactWindowHandlers(deps: ContactWindowHandlerDeps): void {
  const { gate } = deps;
  gate.handle('contactWindowDetails', (_arg, ctx): Result<PersonDetails> => {
    const id = deps.contactIdFor(ctx.webContentsId);
    const details = id === undefined ? null : deps.getDetails(id);
    return details ? ok(details) : fail('not-found', 'this contact no longer exists');
  });
  // Only a part of the card this window shows: the page cannot unlink any other contact.
  gate.handle('contactWindowUnlink', (partId, ctx): Result<PersonDetails> => {
    const id = deps.contactIdFor(ctx.webContentsId);
    const card = id === undefined ? null : deps.getDetails(id);
    if (!card) return fail('not-found', 'this contact no longer exists');
    if (card.parts.length < 2 || !card.parts.some((p) => p.id === partId)) return fail('bad-request', 'not a linked part of this contact');
    if (!deps.unlink(partId)) return fail('not-found', 'this contact is no longer linked');
    const now = deps.getDetails(id!);
    return now ? ok(now) : fail('not-found', 'this contact no longer exists');
  });
  // Only a contact the card shown is kept apart from: the page cannot link any other pair.
  gate.handle('contactWindowLink', (otherId, ctx): Result<PersonDetails> => {
    const id = deps.contactIdFor(ctx.webContentsId);
    const card = id === undefined ? null : deps.getDetails(id);
    if (!card) return fail('not-found', 'this contact no longer exists');
    if (!card.apart.some((p) => p.id === otherId)) return fail('bad-request', 'not a contact this one is kept apart from');
    if (!deps.link(otherId, card.id)) return fail('not-found', 'these contacts are no longer kept apart');
    const now = deps.getDetails(id!);
    return now ? ok(now) : fail('not-found', 'this contact no longer exists');
  });
  gate.handle('contactWindowDial', (phoneNumber): Result<void> => {
    deps.dial(phoneNumber);
    return ok(undefined);
  });
  gate.handle('contactWindowEmail', (address): Result<void> =>
    deps.openMailto(address) ? ok(undefined) : fail('bad-request', 'not an e-mail address the mail client can take'),
  );
  // Only a website of the contact this window shows: a page cannot make main open any URL it likes.
  gate.handle('contactWindowOpenUrl', (url, ctx): Result<void> => {
    const id = deps.contactIdFor(ctx.webContentsId);
    const details = id === undefined ? null : deps.getDetails(id);
    if (!details?.urls.some((u) => websiteLinkTarget(u.url) === url)) return fail('bad-request', 'not a website of this contact');
    return deps.openLink(url) ? ok(undefined) : fail('bad-request', 'only http(s) and mailto links are opened');
  });
}
