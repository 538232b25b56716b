-- The request log: one line per answered /api/v1 request (never a body, password, token or query string),
-- kept for request-log.retention and deleted by housekeeping.
create table request_log (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,          -- when the request arrived
    login           text,                          -- the session's login; null without a valid session
    attempted_login text,                          -- the login a login request tried
    client_address  text not null,
    method          text not null,
    path            text not null,                 -- the route template, or the raw path (cut) when none matched
    routed          boolean not null,
    command         text,                          -- a control request's catalog command, or 'invalid'
    status          smallint not null,
    problem_type    text,
    duration_ms     integer not null
);
-- newest first by (at, id), also for the retention delete
create index request_log_at on request_log (at, id);
create index request_log_login_at on request_log (login, at, id) where login is not null;
create index request_log_status_at on request_log (status, at, id);

-- The daily statistics' counters, per UTC hour (so days can be summed in any whole-hour zone), added to
-- by the request log's batch writer in the same transaction as the lines: the statistics never scan the log.
create table request_counts (
    hour   timestamptz not null,
    login  text not null,                          -- '' for requests without a session
    method text not null,                          -- 'GET /api/v1/events', 'control:Answer', ...
    status smallint not null,
    calls  bigint not null,
    primary key (hour, login, method, status)
);
create index request_counts_login_hour on request_counts (login, hour) include (method, status, calls);

-- The same counters summed over every login: what the statistics of everyone read (few rows per hour).
create table request_counts_all (
    hour   timestamptz not null,
    method text not null,
    status smallint not null,
    calls  bigint not null,
    primary key (hour, method, status)
);
