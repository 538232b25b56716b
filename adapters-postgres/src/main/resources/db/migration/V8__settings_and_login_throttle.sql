-- Run-time settings (issue 7): the values administrators gave through PATCH /api/v1/admin/settings. A row
-- overrides the config file's value of that setting; no row means the file's value applies. Values are
-- the core's text form ("15m", "5", "events,control:*"). The login throttle's settings live here too; its
-- counters stay in each instance's memory (they are short-lived and per instance by design).
create table settings (
    name       text        primary key,
    value      text        not null,
    changed_at timestamptz not null,
    changed_by text
);
