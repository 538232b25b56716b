// The desk's model: what the agent's events say about its phone (its state, its calls, whether it is
// reachable) and the feed of the latest events. A plain object, so it can be kept in sessionStorage
// and survive a reload; no DOM and no network here.

export const FEED_SIZE = 300;

/** The model of a desk that has seen nothing after `cursor` yet. */
export function emptyModel(login, cursor) {
  return { login, cursor, userState: null, calls: {}, phone: null, feed: [] };
}

/** Applies events (oldest first, as delivered) and moves the cursor past them. */
export function applyEvents(model, events) {
  for (const event of events) {
    apply(model, event, Date.parse(event._receivedAt) || Date.now());
    model.cursor = Math.max(model.cursor, event._cursor);
  }
  model.feed = events.slice().reverse().concat(model.feed).slice(0, FEED_SIZE);
  return model;
}

/** Applies a data reply of GetCalls or GetUserState (no cursor, not part of the feed). */
export function applyReply(model, reply) {
  apply(model, reply, Date.now());
  return model;
}

function apply(model, event, receivedAt) {
  switch (event.name) {
    case 'NewCall':
    case 'CallStatus':
      upsert(model, event, receivedAt);
      break;
    case 'Calls': {
      const before = model.calls;
      model.calls = {};
      for (const call of event.calls || []) {
        model.calls[String(call.cid)] = before[String(call.cid)];
        upsert(model, call, receivedAt);
      }
      break;
    }
    case 'OnClose':
      delete model.calls[String(event.cid)];
      break;
    case 'UserState':
      model.userState = { state: event.state, substates: event.substates || [], reason: event.reason || null };
      break;
    case 'mw.PhoneUnavailable':
      model.phone = { reason: event.reason || 'unknown', description: event.description || '' };
      break;
    case 'mw.PhoneAvailable':
      model.phone = null;
      break;
    default:
      break; // every other event is only shown in the feed
  }
}

function upsert(model, call, receivedAt) {
  const key = String(call.cid);
  const before = model.calls[key];
  const state = call.state || (before && before.state) || 'new';
  const stateChanged = !before || before.state !== state;
  model.calls[key] = {
    cid: call.cid, // kept as sent (number or string): commands send it back in the same JSON type
    state,
    direction: call.direction || (before && before.direction) || '',
    hold: Boolean(call.hold),
    muted: Boolean(call.muted),
    number: numberOf(call) || (before && before.number) || '',
    // The middleware's clock, not the phone's: a call's duration counts from when its state began.
    since: stateChanged ? receivedAt : before.since,
  };
}

function numberOf(call) {
  const params = call.params || {};
  return call.displayName || (call.direction === 'out' ? params.called : params.caller) || '';
}

/** A feed line's text: the event's name and the fields an agent cares about. */
export function summary(event) {
  const parts = [];
  for (const field of ['cid', 'state', 'direction', 'reason', 'description', 'status']) {
    if (event[field] !== undefined && event[field] !== null && event[field] !== '') {
      parts.push(`${field} ${event[field]}`);
    }
  }
  if (event.hold) parts.push('on hold');
  if (event.muted) parts.push('muted');
  if (Array.isArray(event.calls)) parts.push(`${event.calls.length} call(s)`);
  return parts.join(', ');
}
