// The run-time settings: each with its value in effect and the file's, changed (or reset) by PATCH one at a time.
import { api } from './api.js';
import { $, el, button, clearErrors, showError } from './dom.js';

export function init() {}

export async function show() {
  $('#settings-error').textContent = '';
  $('#settings-saved').textContent = '';
  try {
    render((await api('GET', '/admin/settings')).settings);
  } catch (error) {
    $('#settings-error').textContent = error.message;
  }
}

function text(value) {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The input's text as the setting's JSON type: a list, a number or a string, like its current value. */
function parse(input, current) {
  const raw = input.trim();
  if (Array.isArray(current)) return raw ? raw.split(',').map(item => item.trim()) : [];
  if (typeof current === 'number' && /^-?\d+$/.test(raw)) return Number(raw);
  return raw;
}

function render(settings) {
  $('#settings-list').replaceChildren(...settings.map((setting, i) => {
    const id = `setting-${i}`;
    const form = el('form', { class: 'setting', novalidate: true },
      el('label', { for: id, class: 'mono' }, setting.name),
      el('input', { id, name: setting.name, value: text(setting.value), autocomplete: 'off' }),
      el('span', { class: 'hint' }, setting.stored ? `changed here; file: ${text(setting.fileValue)}` : 'as in the file'),
      el('span', { class: 'actions' },
        el('button', { type: 'submit', 'aria-label': `Save ${setting.name}` }, 'Save'),
        button('Reset', `Reset ${setting.name} to the file's value`, () => change(form, setting.name, null),
          { disabled: !setting.stored })),
      el('p', { class: 'error', 'data-error-for': setting.name }),
      el('p', { class: 'error', 'data-error-for': 'form' }));
    form.addEventListener('submit', event => {
      event.preventDefault();
      change(form, setting.name, parse(form.elements[setting.name].value, setting.value));
    });
    return form;
  }));
}

async function change(form, name, value) {
  clearErrors(form);
  $('#settings-saved').textContent = '';
  try {
    render((await api('PATCH', '/admin/settings', { [name]: value })).settings);
  } catch (error) {
    showError(form, error);
    return;
  }
  $('#settings-saved').textContent = value === null ? `${name} is back to the file's value.` : `Saved ${name}.`;
  const saved = document.querySelector(`#settings-list [name="${CSS.escape(name)}"]`);
  if (saved) saved.focus();
}
