-- The audit trail (issue 7): security events and administrators' changes, newest first for administrators,
-- deleted by age (audit.retention). Written in batches by one writer per instance; ids only page a listing.
-- action holds the wire name ('login-failed', 'user-changed', ...): no check constraint, so a release that
-- adds an action needs no migration. Text columns hold what the core recorded (never a password or token).
create table audit_trail (
    id           bigint      generated always as identity primary key,
    at           timestamptz not null,
    action       text        not null,
    actor        text,
    address      text,
    target       text,
    before_value text,
    after_value  text,
    detail       text
);
-- Newest first (at desc, id desc) with keyset paging, and retention by age.
create index audit_trail_at on audit_trail (at, id);
-- "what did this login do" and "what was done to this login / cid".
create index audit_trail_actor on audit_trail (actor, at, id) where actor is not null;
create index audit_trail_target on audit_trail (target, at, id) where target is not null;
