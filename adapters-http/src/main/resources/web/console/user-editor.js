// The edit panel of one user: role, password, grants (one checkbox per catalog command), block, sessions.
import { api } from './api.js';
import { $, el, button, fillRows, time, clearErrors, showError } from './dom.js';

let changed = () => {};
let user = null;

export function init(onChange) {
  changed = onChange;
  $('#edit-form').addEventListener('submit', save);
  $('#edit-block').addEventListener('click', toggleBlock);
  $('#edit-close').addEventListener('click', close);
}

export function close() {
  user = null;
  $('#user-edit').hidden = true;
}

export async function open(login) {
  const form = $('#edit-form');
  clearErrors(form);
  $('#edit-saved').textContent = '';
  try {
    const [loaded, overview] = await Promise.all([
      api('GET', `/admin/users/${encodeURIComponent(login)}`), api('GET', '/admin/overview')]);
    user = loaded;
    grantBoxes(overview.commands);
  } catch (error) {
    showError(form, error);
    return;
  }
  render();
  $('#user-edit').hidden = false;
  $('#edit-role').focus();
  loadSessions();
}

function render() {
  $('#edit-login').textContent = user.login;
  $('#edit-status').textContent = user.enabled ? 'active' : 'blocked';
  $('#edit-block').textContent = user.enabled ? 'Block' : 'Unblock';
  $('#edit-role').value = user.role;
  $('#edit-password').value = '';
  document.querySelectorAll('#edit-grant-list input').forEach(box => {
    box.checked = user.grants.includes(box.value);
  });
}

/** Every grant there is: events, every command, and each command of the catalog as the API lists it. */
function grantBoxes(commands) {
  const grants = ['events', 'control:*', ...commands.map(name => `control:${name}`)];
  $('#edit-grant-list').replaceChildren(...grants.map((grant, i) => {
    const id = `grant-${i}`;
    return el('div', { class: 'grant' },
      el('input', { type: 'checkbox', id, name: 'grant', value: grant }),
      el('label', { for: id }, grant === 'control:*' ? 'control:* (every command)' : grant));
  }));
}

function checkedGrants() {
  return [...document.querySelectorAll('#edit-grant-list input:checked')].map(box => box.value);
}

async function save(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  $('#edit-saved').textContent = '';
  const change = {};
  if (form.role.value !== user.role) change.role = form.role.value;
  if (form.password.value) change.password = form.password.value;
  const grants = checkedGrants();
  if ([...grants].sort().join() !== [...user.grants].sort().join()) change.grants = grants;
  if (Object.keys(change).length === 0) {
    $('#edit-saved').textContent = 'Nothing changed.';
    return;
  }
  await patch(change, 'Saved.');
}

async function toggleBlock() {
  await patch({ enabled: !user.enabled }, user.enabled ? 'Blocked: its sessions have ended.' : 'Unblocked.');
}

async function patch(change, done) {
  const form = $('#edit-form');
  try {
    user = await api('PATCH', `/admin/users/${encodeURIComponent(user.login)}`, change);
  } catch (error) {
    showError(form, error);
    return;
  }
  render();
  $('#edit-saved').textContent = done;
  changed();
  loadSessions();
}

async function loadSessions() {
  const tbody = $('#edit-sessions tbody');
  const login = user.login;
  let sessions;
  try {
    sessions = (await api('GET', '/admin/sessions')).sessions.filter(s => s.login === login);
  } catch (error) {
    fillRows(tbody, [], 6, error.message);
    return;
  }
  fillRows(tbody, sessions.map(s => el('tr', {},
    el('td', { class: 'mono' }, s.id),
    el('td', {}, time(s.since)),
    el('td', {}, s.clientAddress || '—'),
    el('td', {}, time(s.lastSeenAt)),
    el('td', { class: 'num' }, String(s.cursorLag)),
    el('td', {}, button('End', `End session ${s.id}`, () => endSession(s.id))))), 6, 'No live sessions.');
}

async function endSession(id) {
  try {
    await api('DELETE', `/admin/sessions/${encodeURIComponent(id)}`);
  } catch (error) {
    showError($('#edit-form'), error);
  }
  loadSessions();
  changed();
}
