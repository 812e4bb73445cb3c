/**
 * Entry of the settings window: a form over `window.softphone.settings`. Every value is
 * checked as it is typed, with the schema main uses; a bad one is explained under its field
 * and Save stays off. Text goes in through `textContent` only.
 */
import { z } from 'zod';
import { checkSetting, type Settings, type SettingsKey } from '../../main/settings/schema';
import type { SettingsView, SoftphoneApi } from '../../shared/api';
import { countryName, countryOptions, el, option, startPage } from '../page/dom';
import { CLOSE_ACTION_LABELS, FIELDS, type FieldSpec } from './fields';

// The page's CSP forbids eval; zod would otherwise probe for it.
z.config({ jitless: true });

type Input = HTMLInputElement | HTMLSelectElement;

function regionSelect(view: SettingsView): HTMLSelectElement {
  const select = el('select');
  const widget = view.widgetRegion ? ` (now ${countryName(view.widgetRegion)})` : '';
  select.append(option('', `Use the widget's region${widget}`), ...countryOptions(view.regions));
  return select;
}

function control(spec: FieldSpec, view: SettingsView): Input {
  switch (spec.control) {
    case 'region':
      return regionSelect(view);
    case 'close-action': {
      const select = el('select');
      for (const action of ['tray', 'minimize', 'quit']) select.append(option(action, CLOSE_ACTION_LABELS[action] ?? action));
      return select;
    }
    case 'checkbox': {
      const input = el('input');
      input.type = 'checkbox';
      return input;
    }
    case 'number': {
      const input = el('input');
      input.type = 'number';
      input.step = '1';
      return input;
    }
    case 'text': {
      const input = el('input');
      input.type = 'text';
      input.spellcheck = false;
      return input;
    }
  }
}

function read(spec: FieldSpec, input: Input): unknown {
  if (spec.control === 'checkbox') return (input as HTMLInputElement).checked;
  // An empty or half-typed number stays text, so the schema explains it.
  if (spec.control === 'number') return input.value.trim() !== '' && Number.isFinite(Number(input.value)) ? Number(input.value) : input.value;
  return input.value;
}

function write(spec: FieldSpec, input: Input, value: Settings[SettingsKey]): void {
  if (spec.control === 'checkbox') (input as HTMLInputElement).checked = value === true;
  else input.value = String(value);
}

function render(root: HTMLElement, api: SoftphoneApi, view: SettingsView): void {
  const form = el('form', 'settings-form');
  const inputs = new Map<SettingsKey, { spec: FieldSpec; input: Input; error: HTMLElement }>();
  for (const spec of FIELDS) {
    // Without a tray icon nothing could bring a hidden window back: the choice is not offered.
    if (spec.control === 'close-action' && !view.hasTray) continue;
    const row = el('div', `field field-${spec.control}`);
    const id = `setting-${spec.key}`;
    const label = el('label', undefined, spec.label);
    label.htmlFor = id;
    const input = control(spec, view);
    input.id = id;
    input.name = spec.key;
    write(spec, input, view.settings[spec.key]);
    const error = el('p', 'field-error');
    error.setAttribute('role', 'alert');
    const stored = view.problems.find((p) => p.key === spec.key);
    if (stored) error.textContent = `settings.json held a bad value (${stored.message}); the default is shown.`;
    if (spec.control === 'checkbox') row.append(input, label);
    else row.append(label, input);
    if (spec.help) row.append(el('p', 'field-help', spec.help));
    row.append(error);
    form.append(row);
    inputs.set(spec.key, { spec, input, error });
  }
  const status = el('p', 'form-status');
  status.setAttribute('aria-live', 'polite');
  const save = el('button', 'primary', 'Save');
  save.type = 'submit';
  const actions = el('div', 'form-actions');
  actions.append(status, save);
  form.append(actions);

  const touched = new Set<string>();
  // A key settings.json holds a bad value for is saved too, so saving repairs the file.
  const changes = (): Partial<Record<SettingsKey, unknown>> => {
    const patch: Partial<Record<SettingsKey, unknown>> = {};
    for (const [key, { spec, input }] of inputs) {
      const value = read(spec, input);
      if (value !== view.settings[key] || view.problems.some((p) => p.key === key)) patch[key] = value;
    }
    return patch;
  };
  const validate = (): boolean => {
    let valid = true;
    for (const [key, { spec, input, error }] of inputs) {
      const message = checkSetting(key, read(spec, input));
      if (message) {
        error.textContent = message;
        valid = false;
      } else if (touched.has(key) || !view.problems.some((p) => p.key === key)) error.textContent = '';
      input.setAttribute('aria-invalid', String(Boolean(message)));
    }
    save.disabled = !valid || Object.keys(changes()).length === 0;
    return valid;
  };
  form.addEventListener('input', (event) => {
    touched.add((event.target as Input).name);
    status.textContent = '';
    validate();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!validate()) return;
    const patch = changes();
    save.disabled = true;
    void api.settings.save(patch as never).then((result) => {
      if (!result.ok) {
        status.textContent = result.error.message;
        validate();
        return;
      }
      const widget = FIELDS.some((f) => f.widget && f.key in patch);
      render(root, api, result.value);
      const fresh = root.querySelector('.form-status');
      if (fresh) fresh.textContent = widget ? 'Saved; the widget reloads with the new settings.' : 'Saved.';
    });
  });
  root.replaceChildren(el('h1', undefined, 'Settings'), form);
  validate();
}

startPage(async (root, api) => {
  const view = await api.settings.get();
  if (!view.ok) {
    root.textContent = view.error.message;
    return;
  }
  render(root, api, view.value);
});
