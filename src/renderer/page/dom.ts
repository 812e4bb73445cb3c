/**
 * What the Settings and Address books pages share: building elements (text only ever through
 * `textContent`), the country list, and the start of a page (its root, and the bridge, without
 * which the page only says where it runs).
 */
import type { SoftphoneApi } from '../../shared/api';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function option(value: string, label: string): HTMLOptionElement {
  const node = el('option', undefined, label);
  node.value = value;
  return node;
}

/** The countries as options, "Germany (DE)", sorted by their names in the user's language. */
export function countryOptions(codes: readonly string[]): HTMLOptionElement[] {
  const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ code, name }) => option(code, `${name} (${code})`));
}

/** The name of a country in the user's language ("Germany"), or the code when there is none. */
export function countryName(code: string): string {
  return new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' }).of(code) ?? code;
}

/** Runs a page's `render` on #root with `window.softphone`; outside the app, says so instead. */
export function startPage(render: (root: HTMLElement, api: SoftphoneApi) => Promise<void> | void): void {
  const root = document.getElementById('root');
  if (!root) return;
  const api = (window as Partial<Window>).softphone;
  if (!api) {
    root.textContent = 'This page runs only inside Contacts Softphone.';
    return;
  }
  void render(root, api);
}
