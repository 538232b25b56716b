// The agent's event stream behind one small interface, so the transport can change (long-poll today,
// server-sent events once the middleware serves them) without touching the rest of the desk.
import { get } from '/web/common/api.js';

const RETRY_MS = [1000, 2000, 4000, 8000];

/**
 * Hands over the session's events in cursor order, each exactly once, starting after `after`:
 * handlers.events(list) with the new events, handlers.connected(boolean) when reaching the middleware
 * fails or works again, handlers.ended(problem) on a 401 or 403 (the stream stops then).
 */
export class EventStream {
  constructor(after, handlers, waitSeconds = 25) {
    this.after = after;
    this.handlers = handlers;
    this.waitSeconds = waitSeconds;
    this.running = false;
    this.abort = null;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop();
  }

  stop() {
    this.running = false;
    if (this.abort) this.abort.abort();
  }

  async loop() {
    let failures = 0;
    while (this.running) {
      try {
        this.abort = new AbortController();
        const answer = await get(`/api/v1/events?after=${this.after}&wait=${this.waitSeconds}`, this.abort.signal);
        if (!this.running) return;
        failures = 0;
        this.handlers.connected(true);
        // Cursors only grow; anything at or before the last one handed over was handed over already.
        const fresh = answer.status === 200 ? answer.body.filter((e) => e._cursor > this.after) : [];
        if (fresh.length > 0) {
          this.after = fresh[fresh.length - 1]._cursor;
          this.handlers.events(fresh);
        }
      } catch (error) {
        if (!this.running) return;
        if (error.status === 401 || error.status === 403) {
          this.running = false;
          this.handlers.ended(error.problem, error.status);
          return;
        }
        this.handlers.connected(false);
        await pause(RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
        failures += 1;
      }
    }
  }
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
