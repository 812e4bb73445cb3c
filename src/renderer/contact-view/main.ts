/**
 * Entry of the contact window: asks main for this window's contact and renders it. Clicks go
 * back through the bridge (dial through the widget, write with the system mail client, open a
 * website in the system browser).
 */
import { renderContact } from './render';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const message = (text: string): void => {
    const p = document.createElement('p');
    p.className = 'contact-message';
    p.textContent = text;
    root.replaceChildren(p);
  };
  const api = (window as Partial<Window>).softphone;
  if (!api) return message('This page runs only inside Contacts Softphone.');
  const details = await api.contactWindow.details();
  if (!details.ok) return message(details.error.message);
  const report = (result: { ok: boolean; error?: { message: string } }): void => {
    if (!result.ok) console.warn(`[contact-view] ${result.error?.message ?? 'failed'}`);
  };
  const show = (card: typeof details.value): void => {
    const view = renderContact(
      document,
      card,
      {
        dial: (phoneNumber) => void api.contactWindow.dial(phoneNumber).then(report),
        email: (address) => void api.contactWindow.email(address).then(report),
        openUrl: (url) => void api.contactWindow.openUrl(url).then(report),
        // Main answers with the card as it is after the unlink.
        unlink: (partId) =>
          void api.contactWindow.unlink(partId).then((result) => (result.ok ? show(result.value) : report(result))),
        link: (contactId) =>
          void api.contactWindow.link(contactId).then((result) => (result.ok ? show(result.value) : report(result))),
      },
      navigator.language,
    );
    root.replaceChildren(view as unknown as Node);
  };
  show(details.value);
}

void start();
