// The console's DOM helpers over the shared el() (which puts every string in as text, never as HTML).
import { el } from '/web/common/dom.js';

export { el };

/** A button with a visible label, an accessible name and a click handler. */
export function button(label, name, onClick, attributes = {}) {
  const node = el('button', { type: 'button', 'aria-label': name, ...attributes }, label);
  node.addEventListener('click', onClick);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Replaces a table body's rows; an empty list shows one row saying so. */
export function fillRows(tbody, rows, columns, emptyText = 'Nothing to show.') {
  tbody.replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: columns, class: 'empty' }, emptyText))]));
}

/** "2026-11-29T17:02:11.482Z" as "2026-11-29 17:02:11" (UTC), or a dash. */
export function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+/, '').replace('Z', '') : '—';
}

/** Clears the field errors of a form. */
export function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach(p => { p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
}

/**
 * Shows an API error next to the field it concerns (the problem's field, parameter or setting member),
 * else at the form's foot.
 */
export function showError(form, error) {
  const named = error.field && form.querySelector(`[data-error-for="${CSS.escape(error.field)}"]`);
  const target = named || form.querySelector('[data-error-for="form"]');
  target.textContent = error.message;
  const input = named && form.querySelector(`[name="${CSS.escape(error.field)}"]`);
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', target.id || assignId(target));
  }
}

let ids = 0;
function assignId(node) {
  node.id = `error-${++ids}`;
  return node.id;
}
