/**
 * The only place the app hands a URL to the operating system (`shell.openExternal`, Electron
 * checklist item 15). Web links must pass `isSafeExternalUrl`; e-mail addresses are validated
 * by the IPC schema and turned into a `mailto:` URL here; a contact's website may be either.
 * Everything else is refused and logged.
 */
import type { Shell } from 'electron';
import { isSafeExternalUrl } from './urls';

/** `mailto:` URL for a validated address; the address is percent-encoded as a path. */
export function mailtoUrl(address: string): string {
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}`;
}

/** A plain address: one `@`, no spaces, no query or header injection characters. */
export function isPlainEmailAddress(address: string): boolean {
  return address.length <= 254 && /^[^\s@?&#/\\<>"]+@[^\s@?&#/\\<>"]+\.[^\s@?&#/\\<>"]+$/.test(address);
}

export interface ExternalOpener {
  /** Opens an http(s) link in the system browser; false (and logged) when refused. */
  openWebLink(url: string): boolean;
  /** Opens the mail client for an address; false (and logged) when refused. */
  openMailto(address: string): boolean;
  /** Opens a link a contact holds: http(s) in the browser, `mailto:` with a plain address in the mail client. */
  openLink(url: string): boolean;
}

export function createExternalOpener({ shell, log }: { shell: Pick<Shell, 'openExternal'>; log: (m: string) => void }): ExternalOpener {
  const open = (url: string): void => {
    // Reviewed: `url` is a safe http(s) URL or a mailto: built from a validated address.
    shell.openExternal(url).catch((error: unknown) => log(`openExternal failed: ${String(error)}`)); // eng-disable OPEN_EXTERNAL_JS_CHECK
  };
  const opener: ExternalOpener = {
    openWebLink(url) {
      if (!isSafeExternalUrl(url)) {
        log(`refused to open externally: ${url.slice(0, 200)}`);
        return false;
      }
      open(url);
      return true;
    },
    openMailto(address) {
      if (!isPlainEmailAddress(address)) {
        log(`refused e-mail address: ${address.slice(0, 200)}`);
        return false;
      }
      open(mailtoUrl(address));
      return true;
    },
    openLink(url) {
      const mailto = /^mailto:(.*)$/is.exec(url);
      if (!mailto) return opener.openWebLink(url);
      // Only a bare address: a query (`?cc=`, `?body=`) could add recipients or text the user did not see.
      let address: string;
      try {
        address = decodeURIComponent(mailto[1] ?? '');
      } catch {
        address = '';
      }
      return opener.openMailto(address);
    },
  };
  return opener;
}
