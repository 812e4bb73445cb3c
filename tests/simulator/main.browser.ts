/**
 * Boots the simulator page: reads test overrides from the query string, wires the page's
 * buttons, listens to every message (the widget checks no origin) and exposes
 * `window.__simulator` for tests.
 */
import { render } from './render.browser';
import { WIDGET_TIMEOUTS } from './types';
import type { Timeouts } from './types';
import { createWidget } from './widget';
import type { CallLogEntry, SimulatedWidget } from './widget';

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

/**
 * The real widget reads localStorage as it starts. Where the browser denies storage to a
 * third-party frame that read throws `SecurityError`, uncaught, and the widget never
 * announces itself: so does this page (no fallback to memory, which would hide the failure).
 */
function pageStorage(): { get(key: string): string | null; set(key: string, value: string): void } {
  const storage = window.localStorage;
  storage.getItem('simulator.probe');
  return { get: (key) => storage.getItem(key), set: (key, value) => storage.setItem(key, value) };
}

/** `callLog=+16505550100:Me,+16505550101`: numbers (and RingCentral's names) loaded at login. */
function callLogParam(): CallLogEntry[] {
  return (params.get('callLog') ?? '').split(',').filter(Boolean).map((entry) => {
    const [phoneNumber = '', name] = entry.split(':');
    return name ? { phoneNumber, name } : { phoneNumber };
  });
}

/** `slowResource=ms`: an image that holds the page's `load` back, as slow fonts and images do. */
function holdLoad(ms: number): void {
  if (ms <= 0) return;
  const image = document.createElement('img');
  image.alt = '';
  image.className = 'slow-resource';
  image.src = `slow.svg?ms=${ms}`;
  document.body.append(image);
}

let loaded = document.readyState === 'complete';
window.addEventListener('load', () => (loaded = true));
holdLoad(numberParam('slowResource', 0));

let scheduled = false;
const widget = createWidget({
  loggedIn: params.get('loggedIn') !== '0',
  loginDelayMs: numberParam('loginDelay', 600),
  callLog: callLogParam(),
  documentLoaded: () => loaded,
  navigateSelf: (query) => {
    const next = new URL(location.href);
    for (const [key, value] of Object.entries(query)) next.searchParams.set(key, value);
    location.href = next.href;
  },
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
// Offline and fast, the real widget announces itself 0.1–0.2 s after its page's `load`.
window.setTimeout(() => widget.start(), numberParam('startDelay', 150));
