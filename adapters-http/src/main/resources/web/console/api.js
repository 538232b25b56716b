// The console's view of the JSON API, over the shared client: paths under /api/v1, answers as their bodies,
// a 401 anywhere signs the console out, and each error knows the form field it concerns.
import { api as send } from '/web/common/api.js';

const unauthorizedListeners = [];

/** Called when a request answers 401 (the session ended, was ended, or the user was blocked). */
export function onUnauthorized(listener) {
  unauthorizedListeners.push(listener);
}

/** Resolves to the answer's body; rejects with the shared ApiError plus `field` (the member a form shows it by). */
export async function api(method, path, body) {
  try {
    return (await send(method, `/api/v1${path}`, body)).body;
  } catch (error) {
    const problem = error.problem || {};
    error.field = problem.field || problem.parameter || problem.setting || null;
    if (error.status === 401 && path !== '/login') unauthorizedListeners.forEach(listener => listener(error));
    throw error;
  }
}

/** A query string of the non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
