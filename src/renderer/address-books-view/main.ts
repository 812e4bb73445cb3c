/**
 * Entry of the Address books window: every source with its file (or CardDAV book and login),
 * format, region, contacts, last sync and what it did (or why a server failed), and its
 * actions; "Add CardDAV account…" opens the form in carddav-form.ts. Actions name a source by
 * the id main listed; main does the rest (dialogs, the file manager, the network) and says when
 * the list changed. Text via textContent only.
 */
import type { AddressBookRow, SoftphoneApi } from '../../shared/api';
import type { Result } from '../../shared/result';
import { countryOptions, el, option, startPage } from '../page/dom';
import { createCardDavForm } from './carddav-form';

const fileName = (path: string): string => path.split(/[\\/]/).pop() || path;

function when(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

startPage(async (root, api: SoftphoneApi) => {
  const status = el('p', 'status-line');
  status.setAttribute('aria-live', 'polite');
  const body = el('tbody');
  const empty = el('p', 'field-help', 'No address books yet: import a vCard or CSV file, or add a CardDAV account.');
  const regionsAnswer = await api.addressBooks.regions();
  const regions = regionsAnswer.ok ? regionsAnswer.value : [];

  const act = async (label: string, run: () => Promise<Result<void>>): Promise<void> => {
    status.textContent = `${label}…`;
    const result = await run();
    status.textContent = result.ok ? '' : result.error.message;
    await refresh();
  };
  const button = (label: string, run: () => Promise<Result<void>>): HTMLButtonElement => {
    const b = el('button', undefined, label);
    b.type = 'button';
    b.addEventListener('click', () => void act(label, run));
    return b;
  };

  /** A source's region, changed by picking another country (the file is re-imported, the book read again). */
  const regionCell = (book: AddressBookRow): HTMLTableCellElement => {
    const cell = el('td');
    const select = el('select');
    select.setAttribute('aria-label', `Region of ${book.carddav ? book.carddav.book : fileName(book.path)}`);
    select.title = `The country numbers without a country code are read in; changing it ${book.carddav ? 'reads every card again' : 're-imports the file'}`;
    if (!book.region) select.append(option('', 'none'));
    select.append(...countryOptions(regions));
    select.value = book.region ?? '';
    select.disabled = book.missing;
    select.addEventListener('change', () => {
      if (select.value) void act(`Re-importing in ${select.value}`, () => api.addressBooks.setRegion({ id: book.id, region: select.value }));
    });
    cell.append(select);
    return cell;
  };

  const nameCell = (book: AddressBookRow): HTMLTableCellElement => {
    const cell = el('td');
    const dav = book.carddav;
    if (dav) {
      cell.append(el('div', undefined, dav.book), el('div', 'path', dav.login), el('div', 'path', dav.url));
      if (dav.lastError) {
        const failed = el('div', 'missing', `Last sync failed: ${dav.lastError}. Its contacts are as the last good sync left them.`);
        failed.setAttribute('role', 'status');
        cell.append(failed);
      }
      return cell;
    }
    cell.append(el('div', undefined, fileName(book.path)), el('div', 'path', book.path));
    if (book.missing) cell.append(el('div', 'missing', 'File missing: its contacts are kept until you locate or remove it.'));
    return cell;
  };

  const row = (book: AddressBookRow): HTMLTableRowElement => {
    const tr = el('tr');
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
    } else if (book.kind === 'carddav') actions.append(button('Sync now', () => api.addressBooks.sync(book.id)));
    actions.append(button('Remove', () => api.addressBooks.remove(book.id)));
    const lastSync = book.carddav?.lastError ? when(book.carddav.lastAttemptAt) : when(book.lastSyncedAt);
    const outcome = book.carddav?.lastError ? 'failed; kept as it was' : book.outcome;
    const cell = el('td');
    cell.append(actions);
    tr.append(
      nameCell(book),
      el('td', undefined, book.format),
      regionCell(book),
      el('td', undefined, String(book.contactCount)),
      el('td', undefined, lastSync),
      el('td', undefined, outcome),
      cell,
    );
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
  for (const title of ['Address book', 'Format', 'Region', 'Contacts', 'Last sync', 'What it did', '']) head.append(el('th', undefined, title));
  const thead = el('thead');
  thead.append(head);
  table.append(thead, body);
  const form = createCardDavForm(api, () => {
    status.textContent = 'CardDAV account added.';
    void refresh();
  });
  const addAccount = el('button', undefined, 'Add CardDAV account…');
  addAccount.type = 'button';
  addAccount.addEventListener('click', () => form.open());
  const toolbar = el('div', 'toolbar');
  toolbar.append(status, addAccount, button('Import…', () => api.addressBooks.import()));
  root.replaceChildren(el('h1', undefined, 'Address Books'), table, empty, toolbar, form.element);
  api.addressBooks.onChanged(() => void refresh());
  await refresh();
});
