// The JSON API client: same-origin, the session cookie; errors become ApiError with the problem's members.

export const API = '/api/v1';

/** An error answer: {@code field} is the member a form can show it next to, when the problem names one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.field = problem.field || problem.parameter || problem.setting || null;
  }
}

const unauthorizedListeners = [];

/** Called when any request answers 401 (the session ended, was ended, or the user was blocked). */
export function onUnauthorized(listener) {
  unauthorizedListeners.push(listener);
}

export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API + path, init);
  } catch (e) {
    throw new ApiError(0, { detail: 'the middleware cannot be reached' });
  }
  const text = response.status === 204 ? '' : await response.text();
  const data = text ? parseJson(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data && typeof data === 'object' ? data : {});
    if (response.status === 401 && path !== '/login') unauthorizedListeners.forEach(listener => listener(error));
    throw error;
  }
  return data;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: 'the answer was not JSON' };
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
