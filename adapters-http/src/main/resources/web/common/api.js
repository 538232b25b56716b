// The one way the pages talk to the JSON API: same-origin fetch with the session cookie (the pages never
// see the token), JSON in and out, and every failure as an ApiError carrying the server's problem.

/** A refused or failed request; `problem` is the server's RFC 9457 body (title, detail, type, ...). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Sends one request; resolves to {status, body, headers}, rejects with an ApiError (status 0: no answer).
 * `signal` (an AbortSignal) cancels it.
 */
export async function api(method, path, body, signal) {
  const init = { method, signal, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    // The JSON type is also what makes the API refuse cross-site form posts (415).
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Unreachable', detail: 'the middleware cannot be reached' });
  }
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = { title: response.statusText, detail: `unexpected answer (HTTP ${response.status})` };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data || { title: response.statusText || `HTTP ${response.status}` });
  }
  return { status: response.status, body: data, headers: response.headers };
}

export const get = (path, signal) => api('GET', path, undefined, signal);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);
