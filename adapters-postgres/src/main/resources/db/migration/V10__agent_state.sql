-- Each login's state as its stored events tell it (GET /api/v1/state): its user state, its calls, whether its
-- phone is reachable, after every one of its events up to and including cursor. A row is written by THE SAME
-- STATEMENT that appends the batch of events that changed it (cursor = that login's last event in the batch),
-- so it is never ahead of nor behind the events: "read the state, then read events after cursor" has no gap
-- and no repeat, across restarts too. A login with events but no row (events older than this table) is
-- replayed by the middleware on first use.
-- state is json, not jsonb: the events table (json) accepts the \u0000 escape, jsonb refuses it, and a
-- storable event must never become unstorable because of its state.
-- last_event_at is that last event's receive time: retention drops the row with that event (the login said
-- nothing for the whole retention; the attach at its next login re-reads its phone). No index on it on
-- purpose: every batch updates the row of each login in it, an index would rule out HOT updates, and the
-- retention scan of one row per login is cheap.
create table agent_state (
    login         text        primary key,
    cursor        bigint      not null check (cursor > 0),
    state         json        not null,
    last_event_at timestamptz not null
);
