// The console's shell: sign in and out, and one view at a time chosen by the URL's #fragment.
import { api, onUnauthorized } from './api.js';
import { $ } from './dom.js';
import * as dashboard from './dashboard.js';
import * as users from './users.js';
import { requests, audit } from './logs.js';
import * as settings from './settings.js';

const VIEWS = { dashboard, users, requests, audit, settings };
// Only a hint that a session cookie may exist (the cookie itself is HttpOnly): saves a 401 on a fresh visit.
const SIGNED_IN = 'ctimw.console.login';
let current = null;

function showView(name) {
  if (!VIEWS[name]) name = 'dashboard';
  if (current === name) return;
  if (current) VIEWS[current].hide?.();
  document.querySelectorAll('.view').forEach(view => { view.hidden = view.id !== name; });
  document.querySelectorAll('#nav a').forEach(link => {
    if (link.hash === `#${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  current = name;
  VIEWS[name].show();
}

function showSignIn(message = '') {
  if (current) VIEWS[current].hide?.();
  current = null;
  sessionStorage.removeItem(SIGNED_IN);
  $('#nav').hidden = true;
  $('#who').hidden = true;
  document.querySelectorAll('.view').forEach(view => { view.hidden = view.id !== 'signin'; });
  $('#signin-error').textContent = message;
  $('#signin-password').value = '';
  $('#signin-login').focus();
}

/** Whether the signed-in user is an administrator is the server's call: the admin API answers it or 403. */
async function enter(login) {
  try {
    await api('GET', '/admin/overview');
  } catch (error) {
    if (error.status === 403) {
      await api('POST', '/logout').catch(() => {});
      showSignIn(`${login} is not an administrator: this console is for administrators only.`);
    } else if (error.status !== 401) {
      showSignIn(error.message);
    }
    return;
  }
  sessionStorage.setItem(SIGNED_IN, login);
  $('#who-login').textContent = login;
  $('#who').hidden = false;
  $('#nav').hidden = false;
  $('#signin').hidden = true;
  showView(location.hash.slice(1));
}

async function signIn(event) {
  event.preventDefault();
  const login = $('#signin-login').value.trim();
  const password = $('#signin-password').value;
  $('#signin-error').textContent = '';
  if (!login || !password) {
    $('#signin-error').textContent = 'Enter your login and password.';
    return;
  }
  const button = event.submitter;
  if (button) button.disabled = true; // one sign-in at a time
  try {
    await api('POST', '/login', { login, password });
  } catch (error) {
    $('#signin-error').textContent = error.status === 401 ? 'Wrong login or password.' : error.message;
    return;
  } finally {
    if (button) button.disabled = false;
  }
  $('#signin-password').value = '';
  await enter(login);
}

async function signOut() {
  await api('POST', '/logout').catch(() => {});
  showSignIn('Signed out.');
}

async function start() {
  $('#signin-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', () => { if (current) showView(location.hash.slice(1)); });
  onUnauthorized(() => showSignIn('Your session has ended: sign in again.'));
  Object.values(VIEWS).forEach(view => view.init());
  if (!sessionStorage.getItem(SIGNED_IN)) {
    showSignIn();
    return;
  }
  try {
    const session = await api('GET', '/session');
    await enter(session.login);
  } catch (error) {
    if (error.status !== 401) showSignIn(error.message);
  }
}

start();
