/**
 * Boots the simulator page: reads test overrides from the query string, wires the page's
 * buttons, listens to every message (the widget checks no origin) and exposes
 * `window.__simulator` for tests.
 */
import { render } from './render.browser';
import { WIDGET_TIMEOUTS } from './types';
import type { Timeouts } from './types';
import { createWidget } from './widget';
import type { SimulatedWidget } from './widget';

declare global {
  interface Window {
    __simulator: SimulatedWidget;
  }
}

const params = new URLSearchParams(location.search);
const numberParam = (name: string, fallback: number): number => {
  const value = Number(params.get(name));
  return params.has(name) && Number.isFinite(value) && value >= 0 ? value : fallback;
};
const timeouts: Timeouts = {
  contactsPage: numberParam('contactsTimeout', WIDGET_TIMEOUTS.contactsPage),
  search: numberParam('searchTimeout', WIDGET_TIMEOUTS.search),
  match: numberParam('matchTimeout', WIDGET_TIMEOUTS.match),
  view: numberParam('viewTimeout', WIDGET_TIMEOUTS.view),
  searchDebounce: numberParam('searchDebounce', WIDGET_TIMEOUTS.searchDebounce),
};

/** localStorage, or memory where the browser denies storage to a third-party frame. */
function pageStorage(): { get(key: string): string | null; set(key: string, value: string): void } {
  try {
    const storage = window.localStorage;
    storage.getItem('probe');
    return { get: (key) => storage.getItem(key), set: (key, value) => storage.setItem(key, value) };
  } catch {
    const memory = new Map<string, string>();
    return { get: (key) => memory.get(key) ?? null, set: (key, value) => void memory.set(key, value) };
  }
}

let scheduled = false;
const widget = createWidget({
  loggedIn: params.get('loggedIn') !== '0',
  timeouts,
  postToParent: (message) => window.parent.postMessage(message, '*'),
  newId: () => crypto.randomUUID(),
  now: () => Date.now(),
  setTimer: (fn, ms) => window.setTimeout(fn, ms),
  clearTimer: (handle) => window.clearTimeout(handle as number),
  storage: pageStorage(),
  onChange: () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      render(widget.state());
    }, 0);
  },
});
window.__simulator = widget;

window.addEventListener('message', (event: MessageEvent) => widget.handleMessage(event.data));

const on = (id: string, fn: () => void): void => document.getElementById(id)?.addEventListener('click', fn);
const numberInput = (): string => (document.getElementById('number') as HTMLInputElement).value.trim();
on('login', () => widget.login());
on('logout', () => widget.logout());
on('tab', () => void widget.visitContactsTab());
on('refresh', () => void widget.refresh());
on('call', () => numberInput() && void widget.seedCalls([numberInput()]));
on('ring', () => numberInput() && widget.ring(numberInput()));
document.getElementById('search')?.addEventListener('input', (e) => widget.type((e.target as HTMLInputElement).value));

render(widget.state());
widget.start();
