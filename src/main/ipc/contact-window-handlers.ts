/**
 * IPC handlers of the contact window page. The contact shown is resolved from the sender's
 * window, never taken from the page, so a page cannot read another contact.
 */
import type { PersonDetails } from '../../shared/contact';
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
  /** Sends `new-call` to the widget and brings the main window forward. */
  dial: (phoneNumber: string) => void;
  /** Opens the system mail client for a validated address (security/external.ts). */
  openMailto: (address: string) => boolean;
}

/** Registers contact-window:details, :dial, :email and :unlink. */
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
  gate.handle('contactWindowDial', (phoneNumber): Result<void> => {
    deps.dial(phoneNumber);
    return ok(undefined);
  });
  gate.handle('contactWindowEmail', (address): Result<void> =>
    deps.openMailto(address) ? ok(undefined) : fail('bad-request', 'not an e-mail address the mail client can take'),
  );
}
