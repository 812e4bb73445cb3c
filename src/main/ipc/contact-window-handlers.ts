/**
 * IPC handlers of the contact window page. The contact shown is resolved from the sender's
 * window, never taken from the page, so a page cannot read another contact.
 */
import type { ContactDetails } from '../../shared/contact';
import { IPC } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import type { IpcGate, SenderFilter } from './handle';
import { dialableNumberSchema, emailAddressSchema, noArgumentSchema } from './schemas';

export interface ContactWindowHandlerDeps {
  gate: IpcGate;
  /** True for a contact window's WebContents. */
  isContactWindow: SenderFilter;
  contactIdFor: (webContentsId: number) => string | undefined;
  getDetails: (contactId: string) => ContactDetails | null;
  /** Sends `new-call` to the widget and brings the main window forward. */
  dial: (phoneNumber: string) => void;
  /** Opens the system mail client for a validated address (security/external.ts). */
  openMailto: (address: string) => boolean;
}

/** Registers contact-window:details, :dial and :email. */
export function registerContactWindowHandlers(deps: ContactWindowHandlerDeps): void {
  const { gate, isContactWindow } = deps;
  gate.handle(IPC.contactWindowDetails, noArgumentSchema, isContactWindow, (_arg, ctx): Result<ContactDetails> => {
    const id = deps.contactIdFor(ctx.webContentsId);
    const details = id === undefined ? null : deps.getDetails(id);
    return details ? ok(details) : fail('not-found', 'this contact no longer exists');
  });
  gate.handle(IPC.contactWindowDial, dialableNumberSchema, isContactWindow, (phoneNumber): Result<void> => {
    deps.dial(phoneNumber);
    return ok(undefined);
  });
  gate.handle(IPC.contactWindowEmail, emailAddressSchema, isContactWindow, (address): Result<void> =>
    deps.openMailto(address) ? ok(undefined) : fail('bad-request', 'not an e-mail address the mail client can take'),
  );
}
