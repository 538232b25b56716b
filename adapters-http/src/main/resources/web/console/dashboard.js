// The dashboard: the overview's figures every few seconds, and the daily calls of the last 30 days.
import { api } from './api.js';
import { $, el, fillRows, time } from './dom.js';
import { drawCalls } from './barchart.js';

const REFRESH_MILLIS = 5000;
let timer = null;

export function init() {}

export function show() {
  hide(); // shown again (a second sign-in, the nav link of the view already open): one timer, not two
  refresh();
  loadDays();
  timer = setInterval(refresh, REFRESH_MILLIS);
}

export function hide() {
  clearInterval(timer);
  timer = null;
}

function put(id, text, good) {
  const node = $(`#${id}`);
  node.textContent = text;
  node.classList.toggle('good', good === true);
  node.classList.toggle('bad', good === false);
}

async function refresh() {
  let o;
  try {
    o = await api('GET', '/admin/overview');
  } catch (error) {
    put('fig-at', `${time(new Date().toISOString())} (failed: ${error.message})`);
    return;
  }
  put('fig-database', o.database ? 'up' : 'unreachable', o.database);
  put('fig-cti', `${o.cti.up ? 'up' : 'down'}${o.cti.since ? ` since ${time(o.cti.since)}` : ''}`, o.cti.up);
  put('fig-reconnect', o.cti.lastReconnectAt ? time(o.cti.lastReconnectAt) : 'none since start');
  put('fig-agents', o.agentsOnline === null ? 'unknown (database unreachable)' : String(o.agentsOnline));
  put('fig-phones', String(o.phonesAttached));
  put('fig-rate', o.eventsPerSecond === null ? 'measuring…' : o.eventsPerSecond.toFixed(2));
  put('fig-lag', o.deliveryLagMillis === null ? 'no deliveries in the last minute' : `${o.deliveryLagMillis} ms`);
  put('fig-buffered', String(o.bufferedEvents), o.bufferedEvents === 0 ? undefined : false);
  put('fig-at', time(o.at));
}

async function loadDays() {
  const tbody = $('#calls-table tbody');
  let stats;
  try {
    stats = await api('GET', '/admin/stats/daily');
  } catch (error) {
    fillRows(tbody, [], 3, `Not available: ${error.message}`);
    return;
  }
  drawCalls($('#calls-chart'), stats.days);
  fillRows(tbody, stats.days.map(day => el('tr', {},
    el('td', {}, day.day),
    el('td', { class: 'num' }, String(day.calls)),
    el('td', { class: 'num' }, String(day.badCalls)))), 3);
}
