/**
 * Draws the simulator's state into the page so a screenshot tells the story. Built with
 * textContent only: contact data comes from the host and must never become markup.
 */
import type { SimContact } from './types';
import type { SimulatorState } from './widget-state';

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`simulator page lacks #${id}`);
  return el;
};

function item(text: string, className = ''): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  li.title = text;
  return li;
}

function fill(id: string, items: HTMLElement[], empty: string): void {
  const list = byId(id);
  list.replaceChildren(...(items.length ? items : [item(empty, 'muted')]));
}

const phones = (c: SimContact): string =>
  (c.phoneNumbers ?? []).map((p) => `${String(p.phoneNumber)} (${String(p.phoneType)})`).join(', ');

const short = (text: string): string => (text.length > 18 ? `${text.slice(0, 17)}…` : text);

function badge(text: string, tone: '' | 'good' | 'bad' = ''): HTMLSpanElement {
  const span = document.createElement('span');
  span.textContent = text;
  span.className = tone;
  return span;
}

function renderStatus(s: SimulatorState): void {
  const accepted = s.registrations.filter((r) => r.accepted).length;
  const failed = s.registrations.filter((r) => !r.accepted).length;
  const lastFetch = s.fetches.filter((f) => f.outcome !== 'dropped').at(-1);
  byId('status').replaceChildren(
    badge(s.loggedIn ? 'logged in' : 'logged out', s.loggedIn ? 'good' : ''),
    badge(s.service ? `service "${s.service.name}" registered ×${accepted}` : 'no service registered', s.service ? 'good' : 'bad'),
    ...(failed ? [badge(`${failed} registration(s) refused`, 'bad')] : []),
    badge(`widget start #${s.pageStarts}`),
    badge(s.fetchInFlight ? 'fetching /contacts…' : `last fetch: ${lastFetch ? lastFetch.outcome : 'none'}`),
    badge(`syncTimestamp ${short(JSON.stringify(s.syncTimestamp) ?? 'undefined')}`),
    badge(s.dialerReady ? 'dialer ready' : 'dialer not ready'),
  );
}

/** Replaces every dynamic part of the page with the current state. */
export function render(s: SimulatorState): void {
  renderStatus(s);
  byId('contacts-count').textContent = `(${s.contacts.length} held, ${s.fetches.length} fetch(es))`;
  fill('contacts', s.contacts.slice(0, 300).map((c) =>
    item(`${String(c.name)}${c.deleted ? ' [deleted]' : ''} — ${phones(c)}`)), 'no contacts');
  byId('search-title').textContent = s.search.typed
    ? `"${s.search.typed}": ${s.search.rows.length} row(s)${s.search.fromCache ? ', from cache' : ''}` : '';
  fill('rows', s.search.rows.map((r) => item(`${r.name} — ${String(r.phoneNumber)} (${r.phoneType})`)),
    s.search.error ? `all results lost: ${s.search.error}` : 'no rows');
  const entries = Object.entries(s.matches);
  byId('match-title').textContent = `(${s.tracked.length} tracked, ${entries.length} cached, ${s.matchRequests.length} request(s))`;
  // Which request last answered each number tells how caller ID got there (trigger-match, ...).
  const via = new Map<string, string>();
  for (const r of s.matchRequests) for (const n of r.phoneNumbers) via.set(n, r.reason);
  fill('matches', s.tracked.slice(0, 300).map((n) => {
    const entry = s.matches[n];
    const first = entry?.contacts[0];
    if (!entry) return item(`${n} → not asked yet`, 'muted');
    const how = via.has(n) ? ` · via ${via.get(n) ?? ''}` : ' · cached';
    return first ? item(`${n} → ${String(first.name)}${entry.contacts.length > 1 ? ` (+${entry.contacts.length - 1})` : ''}${how}`, 'hit')
      : item(`${n} → no match${how}`, 'miss');
  }), 'no tracked numbers (no call history)');
  fill('activity', [
    ...s.calls.map((c) => item(`call ${String(c.phoneNumber)}${c.toCall ? ' (dial)' : ''}: ${c.accepted ? 'accepted' : 'ignored'}`)),
    ...s.sms.map((m) => item(`sms ${String(m.phoneNumber)}: ${m.accepted ? 'accepted' : 'ignored'}`)),
    ...s.views.map((v) => item(`view ${String(v.contactId)}: ${v.timedOut ? 'timed out' : `answered in ${String(v.elapsedMs)} ms`}`)),
  ], 'no calls, messages or views');
  byId('errors-count').textContent = `(${s.errors.length})`;
  fill('errors', s.errors.slice(-20).map((e) => item(e)), 'none');
  fill('log', s.log.slice(-40).reverse().map((l) =>
    item(`${new Date(l.at).toISOString().slice(11, 23)} ${l.dir === 'in' ? '←' : l.dir === 'out' ? '→' : '·'} ${l.type} ${l.detail}`)), 'no messages');
}
