-- Roles and per-method grants (issue 7). Existing users keep what they could do before: agents with
-- every grant ('events' and 'control:*'). Grants are a small set per user, read on login and cached,
-- so an array column is enough (no join table to keep in step).
alter table users
    add column role          text   not null default 'agent' check (role in ('agent', 'admin')),
    add column grants        text[] not null default array['events', 'control:*'],
    add column last_login_at timestamptz;
