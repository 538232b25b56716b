// The request log (filtered by login, status class and time range) and the audit log, both paged newest first.
import { api, query } from './api.js';
import { $, el, fillRows, time, clearErrors, showError } from './dom.js';

const PAGE = 50;

/** One paged listing: `before` of each page shown so far, the last one being the current page. */
function pager(prefix, fetchPage) {
  let pages = [null];
  let next = null;
  const load = async () => {
    next = await fetchPage(pages[pages.length - 1]);
    $(`#${prefix}-next`).disabled = next === null || next === undefined;
    $(`#${prefix}-first`).disabled = pages.length === 1;
  };
  $(`#${prefix}-first`).addEventListener('click', () => { pages = [null]; load(); });
  $(`#${prefix}-next`).addEventListener('click', () => { pages.push(next); load(); });
  return { first: () => { pages = [null]; return load(); } };
}

/** A datetime-local value, read as UTC, as an ISO instant (what the API takes). */
function instant(value) {
  return value ? `${value.length === 16 ? `${value}:00` : value}Z` : '';
}

export const requests = (() => {
  let listing;
  return {
    init() {
      listing = pager('requests', async before => {
        const form = $('#requests-filter');
        clearErrors(form);
        const params = { login: form.login.value.trim(), status: form.status.value, from: instant(form.from.value),
          to: instant(form.to.value), limit: PAGE, before };
        try {
          const page = await api('GET', `/admin/requests${query(params)}`);
          fillRows($('#requests-table tbody'), page.requests.map(requestRow), 9, 'No requests match.');
          return page.next;
        } catch (error) {
          showError(form, error);
          return null;
        }
      });
      $('#requests-filter').addEventListener('submit', event => { event.preventDefault(); listing.first(); });
    },
    show() {
      listing.first();
    },
  };
})();

function requestRow(r) {
  return el('tr', { class: r.status >= 400 ? 'failed' : null },
    el('td', {}, time(r.at)),
    el('td', {}, r.login || (r.attemptedLogin ? `(${r.attemptedLogin})` : '—')),
    el('td', {}, r.method),
    el('td', { class: 'mono' }, r.path),
    el('td', {}, r.command || ''),
    el('td', { class: 'num' }, String(r.status)),
    el('td', {}, r.problemType || ''),
    el('td', { class: 'num' }, String(r.durationMillis)),
    el('td', {}, r.clientAddress || '—'));
}

export const audit = (() => {
  let listing;
  return {
    init() {
      listing = pager('audit', async before => {
        $('#audit-error').textContent = '';
        try {
          const page = await api('GET', `/admin/audit${query({ limit: PAGE, before })}`);
          fillRows($('#audit-table tbody'), page.entries.map(auditRow), 8, 'No entries.');
          return page.next;
        } catch (error) {
          $('#audit-error').textContent = error.message;
          return null;
        }
      });
    },
    show() {
      listing.first();
    },
  };
})();

function auditRow(e) {
  return el('tr', {},
    el('td', {}, time(e.at)),
    el('td', {}, e.action),
    el('td', {}, e.actor || '—'),
    el('td', {}, e.target || ''),
    el('td', { class: 'mono' }, e.before || ''),
    el('td', { class: 'mono' }, e.after || ''),
    el('td', {}, e.detail || ''),
    el('td', {}, e.address || ''));
}
