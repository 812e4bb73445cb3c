/**
 * IPC handlers of the contact window page. The contact shown is resolved from the sender's
 * window, never taken from the page, so a page cannot read another contact.
 */
import type { ContactDetails } from '../../shared/contact';
import { websiteLinkTarget } from '../../shared/contact-links';
import { fail, ok, type Result } from '../../shared/result';
import type { IpcGate } from './handle';

export interface ContactWindowHandlerDeps {
  gate: IpcGate;
  contactIdFor: (webContentsId: number) => string | undefined;
  getDetails: (contactId: string) => ContactDetails | null;
  /** Sends `new-call` to the widget and brings the main window forward. */
  dial: (phoneNumber: string) => void;
  /** Opens the system mail client for a validated address (security/external.ts). */
  openMailto: (address: string) => boolean;
  /** Opens an http(s) or mailto link after checking it again (security/external.ts `openLink`). */
  openLink: (url: string) => boolean;
}

/** Registers contact-window:details, :dial, :email and :open-url. */
export function registerContactWindowHandlers(deps: ContactWindowHandlerDeps): void {
  const { gate } = deps;
  gate.handle('contactWindowDetails', (_arg, ctx): Result<ContactDetails> => {
    const id = deps.contactIdFor(ctx.webContentsId);
    const details = id === undefined ? null : deps.getDetails(id);
    return details ? ok(details) : fail('not-found', 'this contact no longer exists');
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
