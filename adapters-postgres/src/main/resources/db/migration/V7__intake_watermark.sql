-- The intake log's high-water mark. Every received event is written to the middleware's local intake
-- log (memory-mapped files) before it is queued for this database; each batch of events, and each
-- quarantined event, sets seq here to its highest intake sequence IN THE SAME TRANSACTION. After a
-- crash the middleware replays exactly the logged events after seq: none lost, none stored twice.
-- One row per middleware node ('local' until clustering names the instances). owner is a random token
-- the intake log directory is stamped with, so a log written for another database is never replayed
-- into this one.
create table intake_watermark (
    node  text   primary key,
    seq   bigint not null check (seq >= 0),
    owner text   not null default md5(random()::text || clock_timestamp()::text)
);
insert into intake_watermark (node, seq) values ('local', 0);
