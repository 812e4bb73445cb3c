/**
 * "Add CardDAV account…" in the Address books window: server (a URL or just the host), username
 * and password; "Find address books" runs discovery in main, then the user picks the books to
 * use and "Add" stores them and syncs them. Fields are checked as they are typed with the rules
 * main applies (carddav/login.ts); the password lives only in its input and in the call that
 * hands it to main, and the input is emptied once the account is added or the form is closed.
 */
import type { FoundBook, SoftphoneApi } from '../../shared/api';
import { checkLogin, type LoginDraft } from '../../main/contacts/carddav/login';
import { el } from '../page/dom';

type Key = keyof LoginDraft;

const FIELDS: ReadonlyArray<{ key: Key; label: string; type: 'text' | 'password'; help: string }> = [
  { key: 'server', label: 'Server', type: 'text', help: 'Its address (https://…) or just the host, e.g. cloud.example.com.' },
  { key: 'username', label: 'Username', type: 'text', help: '' },
  { key: 'password', label: 'Password', type: 'password', help: 'Your password, or an app password where the server has them (iCloud, Fastmail, Nextcloud with two-factor sign-in).' },
];

export interface CardDavForm {
  element: HTMLElement;
  open(): void;
}

/** The form; `added` runs once an account's books were added (the list is then refreshed). */
export function createCardDavForm(api: SoftphoneApi, added: () => void): CardDavForm {
  const form = el('form', 'carddav-form');
  form.hidden = true;
  form.setAttribute('aria-label', 'Add CardDAV account');
  form.append(el('h2', undefined, 'Add CardDAV account'));
  const inputs = new Map<Key, { input: HTMLInputElement; error: HTMLElement }>();
  for (const spec of FIELDS) {
    const row = el('div', 'field');
    const input = el('input');
    input.type = spec.type;
    input.id = `carddav-${spec.key}`;
    input.name = spec.key;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const label = el('label', undefined, spec.label);
    label.htmlFor = input.id;
    const error = el('p', 'field-error');
    error.setAttribute('role', 'alert');
    row.append(label, input);
    if (spec.help) row.append(el('p', 'field-help', spec.help));
    row.append(error);
    form.append(row);
    inputs.set(spec.key, { input, error });
  }
  const status = el('p', 'form-status');
  status.setAttribute('aria-live', 'polite');
  const cancel = el('button', undefined, 'Cancel');
  cancel.type = 'button';
  const find = el('button', 'primary', 'Find address books');
  find.type = 'submit';
  const actions = el('div', 'form-actions');
  actions.append(status, cancel, find);

  const found = el('fieldset', 'found-books');
  found.hidden = true;
  const list = el('div', 'found-list');
  const add = el('button', 'primary', 'Add');
  add.type = 'button';
  const foundActions = el('div', 'form-actions');
  foundActions.append(add);
  found.append(el('legend', undefined, 'Address books found: pick the ones to use'), list, foundActions);
  form.append(actions, found);

  const draft = (): LoginDraft => ({
    server: inputs.get('server')!.input.value,
    username: inputs.get('username')!.input.value,
    password: inputs.get('password')!.input.value,
  });
  const touched = new Set<Key>();
  const validate = (all: boolean): boolean => {
    const problems = checkLogin(draft());
    for (const [key, { input, error }] of inputs) {
      const message = all || touched.has(key) ? problems[key] : undefined;
      error.textContent = message ?? '';
      input.setAttribute('aria-invalid', String(Boolean(message)));
    }
    return Object.keys(problems).length === 0;
  };
  const picked = (): string[] =>
    [...list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked && !box.disabled).map((box) => box.value);

  const showFound = (books: FoundBook[]): void => {
    list.replaceChildren(
      ...books.map((book) => {
        const box = el('input');
        box.type = 'checkbox';
        box.value = book.url;
        box.checked = !book.added;
        box.disabled = book.added;
        box.addEventListener('change', () => (add.disabled = picked().length === 0));
        const label = el('label', 'found-book');
        label.append(box, document.createTextNode(` ${book.displayName}${book.added ? ' (already added)' : ''}`));
        label.title = book.url;
        return label;
      }),
    );
    add.disabled = picked().length === 0;
    found.hidden = false;
  };
  const reset = (): void => {
    for (const { input } of inputs.values()) input.value = '';
    touched.clear();
    validate(false);
    list.replaceChildren();
    found.hidden = true;
    status.textContent = '';
  };

  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (!inputs.has(target.name as Key)) return;
    touched.add(target.name as Key);
    // Found books belong to the login they were found with.
    found.hidden = true;
    status.textContent = '';
    validate(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!validate(true)) return;
    find.disabled = true;
    status.textContent = 'Looking for address books…';
    void api.addressBooks.discover(draft()).then((result) => {
      find.disabled = false;
      if (!result.ok) {
        status.textContent = result.error.message;
        return;
      }
      status.textContent = '';
      showFound(result.value);
    });
  });
  add.addEventListener('click', () => {
    const books = picked();
    if (books.length === 0 || !validate(true)) return;
    add.disabled = true;
    status.textContent = 'Adding and syncing…';
    void api.addressBooks.addCardDav({ ...draft(), books }).then((result) => {
      add.disabled = false;
      if (!result.ok) {
        status.textContent = result.error.message;
        return;
      }
      reset();
      form.hidden = true;
      added();
    });
  });
  cancel.addEventListener('click', () => {
    reset();
    form.hidden = true;
  });

  return {
    element: form,
    open() {
      form.hidden = false;
      inputs.get('server')!.input.focus();
    },
  };
}
