-- Agent accounts. Logins are case-sensitive, exactly as the contact center spells them.
create table users (
    login         text        primary key,
    password_hash text        not null,
    enabled       boolean     not null,
    created_at    timestamptz not null
);

-- Logged-in sessions, keyed by the SHA-256 of the bearer token (the token itself is never stored).
create table sessions (
    token_hash       text        primary key,
    login            text        not null,
    created_at       timestamptz not null,
    last_seen_at     timestamptz not null,
    expires_at       timestamptz not null,
    delivered_cursor bigint      not null default 0 check (delivered_cursor >= 0)
);
-- deleteAllOf(login) and finding a login's sessions. No index on last_seen_at on purpose: touch()
-- updates it often, an index would rule out HOT updates, and the table stays small (one row per
-- logged-in agent), so the periodic expiry scan is cheap without one.
create index sessions_login on sessions (login);

-- The per-login event journal. One global identity sequence gives cursors that increase in commit
-- order (the middleware appends from a single writer) and are never reused after retention deletes.
-- payload is json, not jsonb: agents must get the CTI's text verbatim (key order, spacing, duplicates).
create table events (
    cursor      bigint      generated always as identity primary key,
    login       text        not null,
    name        text        not null,
    payload     json        not null,
    received_at timestamptz not null
);
-- "events of login L after cursor N, oldest first": an index range scan, no sort.
create index events_login_cursor on events (login, cursor);
-- retention: delete by age.
create index events_received_at on events (received_at);
