// The agent desktop: signs in with the API's session cookie, follows the agent's events from the
// cursor it last handed over (kept in sessionStorage, so a reload or a middleware restart neither
// loses nor repeats one), and sends the agent's commands.
import { get, post } from '/web/common/api.js';
import { applyEvents, applyReply, emptyModel } from './calls.js';
import { EventStream } from './events.js';
import { DeskView } from './view.js';

const STORAGE_KEY = 'ctimw.desk.model';
const view = new DeskView({ signIn, signOut, send });
let model = null;
let stream = null;

const RETRY_MILLIS = 2000;

async function start() {
  try {
    begin((await get('/api/v1/session')).body);
  } catch (error) {
    if (error.status === 401) {
      view.showSignIn('');
    } else { // unreachable or 503 (a restart): the session and the saved cursor may be fine, so wait and ask again
      view.connected(false);
      setTimeout(start, RETRY_MILLIS);
    }
  }
}

async function signIn(login, password) {
  try {
    await post('/api/v1/login', { login, password });
    begin((await get('/api/v1/session')).body); // restore() keeps the saved feed only for the same login
  } catch (error) {
    view.signInMessage(error.message);
  }
}

async function signOut() {
  try {
    await post('/api/v1/logout');
  } catch (error) {
    // the session may be gone already: the desk is left either way
  }
  leave('You signed out.');
}

/** A 401 (session ended: expired, signed out elsewhere, account blocked) or a 403 on the events. */
function ended(problem, status) {
  leave(status === 401 ? `You were signed out: ${problem.detail || 'the session ended'}.` : problem.detail);
}

function leave(message) {
  if (stream) stream.stop();
  stream = null;
  model = null;
  sessionStorage.removeItem(STORAGE_KEY);
  view.showSignIn(message);
}

function begin(session) {
  if (stream) stream.stop(); // one stream per page, whatever was clicked twice
  const saved = restore(session.login);
  model = saved || emptyModel(session.login, session.cursor);
  view.showDesk(session);
  view.render(model);
  stream = new EventStream(model.cursor, { events: received, connected: (up) => view.connected(up), ended },
    pollWait());
  stream.start();
  if (!saved) {
    // A phone already attached for another session of this login sends no fresh state: ask for it.
    for (const command of ['GetUserState', 'GetCalls']) {
      if ((session.commands || []).includes(command)) ask(command);
    }
  }
}

function received(events) {
  if (events.some(event => event.login !== undefined && event.login !== model.login)) {
    // The cookie now belongs to someone else (another sign-in in this browser): never show their events here.
    leave('Another user signed in in this browser: sign in again.');
    return;
  }
  applyEvents(model, events);
  save();
  view.render(model);
}

async function ask(command) {
  const mark = model.cursor;
  try {
    const reply = (await post('/api/v1/control', { name: command })).body;
    // Events that came meanwhile are newer than the reply: it would only undo them.
    if (model && model.cursor === mark) {
      applyReply(model, reply);
      save();
      view.render(model);
    }
  } catch (error) {
    // the events will tell the same once the phone is back; nothing to show for a background refresh
  }
}

async function send(name, fields) {
  try {
    await post('/api/v1/control', { name, ...fields });
    view.commandError('');
  } catch (error) {
    if (error.status === 401) {
      ended(error.problem, 401);
    } else {
      view.commandError(`${name} refused: ${error.message}`);
    }
  }
}

function save() {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(model));
  } catch (error) {
    // storage full or disabled: the desk still works, a reload starts from the session's cursor
  }
}

function restore(login) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
    return saved && saved.login === login && Number.isInteger(saved.cursor) ? saved : null;
  } catch (error) {
    return null;
  }
}

/** Seconds a poll waits for events: 25, or fewer with ?wait=N (behind a proxy that cuts idle requests). */
function pollWait() {
  const asked = Number.parseInt(new URLSearchParams(window.location.search).get('wait'), 10);
  return asked >= 1 && asked <= 25 ? asked : 25;
}

start();
