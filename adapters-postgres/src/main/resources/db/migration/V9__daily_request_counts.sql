-- The per-login counters summed per UTC day (issue 7: the statistics per login over every login summed
-- 720,000 hourly rows for 30 days of 300 agents). Invariant: a day's row is the sum of that day's rows in
-- request_counts, kept by the same statement that adds to them and by the purge. A day asked in any zone
-- is then read as whole UTC days from here plus or minus the hours between its edges and the nearest UTC
-- midnights from request_counts (at most 12 an edge, none in UTC): exact, and far fewer rows.
create table request_counts_daily (
    day    date not null,                          -- the UTC day
    login  text not null,                          -- '' for requests without a session
    method text not null,
    status smallint not null,
    calls  bigint not null,
    primary key (day, login, method, status)
);

insert into request_counts_daily (day, login, method, status, calls)
select cast(hour at time zone 'UTC' as date), login, method, status, sum(calls)
from request_counts
group by 1, 2, 3, 4;

-- The same without the method, for the statistics per login alone (group=login, or login= without
-- group=method): a login's day has a few statuses but many method/status pairs.
create table request_counts_daily_login (
    day    date not null,
    login  text not null,
    status smallint not null,
    calls  bigint not null,
    primary key (day, login, status)
);

insert into request_counts_daily_login (day, login, status, calls)
select day, login, status, sum(calls) from request_counts_daily group by 1, 2, 3;
