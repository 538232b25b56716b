-- Events the database refused to take into "events" (a NUL character in the name, which text cannot
-- hold; any other data or constraint error). The middleware isolates each refused event and keeps it
-- here instead of retrying it forever and stalling everyone's events. raw is the UTF-8 bytes of the
-- CTI frame exactly as received (bytea holds any byte, so the same data cannot be refused again);
-- reason is the database's own error message. Agents are never served these rows and retention does
-- not delete them: they are the record of what was received, for an operator to inspect and remove.
create table event_quarantine (
    id             bigint      generated always as identity primary key,
    login          text        not null,
    raw            bytea       not null,
    received_at    timestamptz not null,
    reason         text        not null,
    quarantined_at timestamptz not null default now()
);
