/**
 * Entry of the Address books window: every source with its file, format, contacts, last sync
 * and what it did, and its actions. Actions name a source by the id main listed; main does the
 * rest (dialogs, the file manager) and says when the list changed. Text via textContent only.
 */
import type { AddressBookRow } from '../../shared/api';
import type { Result } from '../../shared/result';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() || path;

function when(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const api = (window as Partial<Window>).softphone;
  if (!api) {
    root.textContent = 'This page runs only inside Contacts Softphone.';
    return;
  }
  const status = el('p', 'status-line');
  status.setAttribute('aria-live', 'polite');
  const body = el('tbody');
  const empty = el('p', 'field-help', 'No address books yet: import a vCard or CSV file.');

  const act = async (label: string, run: () => Promise<Result<void>>): Promise<void> => {
    status.textContent = `${label}…`;
    const result = await run();
    status.textContent = result.ok ? '' : result.error.message;
    await refresh();
  };
  const button = (label: string, run: () => Promise<Result<void>>, disabled = false): HTMLButtonElement => {
    const b = el('button', undefined, label);
    b.type = 'button';
    b.disabled = disabled;
    b.addEventListener('click', () => void act(label, run));
    return b;
  };

  const row = (book: AddressBookRow): HTMLTableRowElement => {
    const tr = el('tr');
    const name = el('td');
    name.append(el('div', undefined, book.kind === 'file' ? fileName(book.path) : book.path), el('div', 'path', book.path));
    if (book.missing) name.append(el('div', 'missing', 'File missing: its contacts are kept until you locate or remove it.'));
    const actions = el('div', 'row-actions');
    if (book.kind === 'file') {
      if (book.missing) actions.append(button('Locate…', () => api.addressBooks.locate(book.id)));
      else actions.append(button('Sync now', () => api.addressBooks.sync(book.id)), button('Show in folder', () => api.addressBooks.reveal(book.id)));
      const follow = el('input');
      follow.type = 'checkbox';
      follow.checked = book.watching;
      follow.title = 'Sync by itself when the file changes';
      follow.addEventListener('change', () => void act('Saving', () => api.addressBooks.setWatching({ id: book.id, watching: follow.checked })));
      const label = el('label');
      label.append(follow, document.createTextNode(' follow file'));
      actions.append(label);
    }
    actions.append(button('Remove', () => api.addressBooks.remove(book.id)));
    tr.append(
      name,
      el('td', undefined, book.format),
      el('td', undefined, String(book.contactCount)),
      el('td', undefined, when(book.lastSyncedAt)),
      el('td', undefined, book.outcome),
    );
    const cell = el('td');
    cell.append(actions);
    tr.append(cell);
    return tr;
  };

  const refresh = async (): Promise<void> => {
    const listed = await api.addressBooks.list();
    if (!listed.ok) {
      status.textContent = listed.error.message;
      return;
    }
    body.replaceChildren(...listed.value.map(row));
    empty.hidden = listed.value.length > 0;
  };

  const table = el('table');
  const head = el('tr');
  for (const title of ['Address book', 'Format', 'Contacts', 'Last sync', 'What it did', '']) head.append(el('th', undefined, title));
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  const toolbar = el('div', 'toolbar');
  toolbar.append(status, button('Import…', () => api.addressBooks.import()));
  root.replaceChildren(el('h1', undefined, 'Address Books'), table, empty, toolbar);
  api.addressBooks.onChanged(() => void refresh());
  await refresh();
}

void start();
