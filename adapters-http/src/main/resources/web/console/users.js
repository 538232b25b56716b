// Users: a searchable, paged table; adding a user; editing role, password, grants and blocking; sessions.
import { api, query } from './api.js';
import { $, el, button, fillRows, time, clearErrors, showError } from './dom.js';
import * as editor from './user-editor.js';

const PAGE = 20;
let pages = [null]; // the `after` of each page shown so far; the last one is the current page
let next = null;

export function init() {
  $('#users-search').addEventListener('submit', event => { event.preventDefault(); first(); });
  $('#users-first').addEventListener('click', first);
  $('#users-next').addEventListener('click', () => { pages.push(next); load(); });
  $('#add-form').addEventListener('submit', add);
  editor.init(load);
}

export function show() {
  first();
}

export function hide() {
  editor.close();
}

function first() {
  pages = [null];
  load();
}

async function load() {
  const form = $('#users-search');
  clearErrors(form);
  const params = { q: form.q.value, role: form.role.value, enabled: form.enabled.value, limit: PAGE,
    after: pages[pages.length - 1] };
  let page;
  try {
    page = await api('GET', `/admin/users${query(params)}`);
  } catch (error) {
    showError(form, error);
    return;
  }
  next = page.next;
  $('#users-next').disabled = next === null;
  $('#users-first').disabled = pages.length === 1;
  fillRows($('#users-table tbody'), page.users.map(row), 7, 'No users match.');
}

function row(user) {
  return el('tr', { 'data-login': user.login },
    el('td', {}, user.login),
    el('td', {}, user.role),
    el('td', { class: user.enabled ? 'good' : 'bad' }, user.enabled ? 'active' : 'blocked'),
    el('td', { class: 'grants-cell' }, user.grants.join(' ') || '—'),
    el('td', { class: 'num' }, String(user.activeSessions)),
    el('td', {}, time(user.lastLoginAt)),
    el('td', {}, button('Edit', `Edit ${user.login}`, () => editor.open(user.login))));
}

async function add(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  $('#add-saved').textContent = '';
  const body = { login: form.login.value.trim(), password: form.password.value, role: form.role.value };
  let user;
  try {
    user = await api('POST', '/admin/users', body);
  } catch (error) {
    showError(form, error);
    return;
  }
  form.reset();
  $('#add-saved').textContent = `Added ${user.login}.`;
  load();
}
