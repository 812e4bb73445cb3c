/**
 * Which of a contact's websites can be opened, and as what URL. Shared by the contact window (to
 * show a link or plain text) and main (which opens only a URL the shown contact holds, then
 * checks it again in security/external.ts). Files often write a site without its scheme
 * (`www.example.com`, Evolution and Outlook do): that is opened as `http://`, the browser's own
 * default for a typed address; the stored value stays as the file wrote it.
 */

/** The URL to open for a website as written, or null when it is not an http(s) or mailto link. */
export function websiteLinkTarget(written: string): string | null {
  const url = written.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return url;
  // `localhost:8080/x` parses as scheme `localhost`; a host with a dot and no scheme is a site.
  if (/^[\p{L}\d-]+(\.[\p{L}\d-]+)+(:\d{1,5})?([/?#]\S*)?$/u.test(url)) return `http://${url}`;
  return null;
}
