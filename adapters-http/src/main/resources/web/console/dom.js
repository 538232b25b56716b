// Builds DOM nodes. Strings always become text nodes (never HTML), so data from the API cannot inject markup.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Replaces a table body's rows; an empty list shows one row saying so. */
export function fillRows(tbody, rows, columns, emptyText = 'Nothing to show.') {
  tbody.replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: columns, class: 'empty', text: emptyText }))]));
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
