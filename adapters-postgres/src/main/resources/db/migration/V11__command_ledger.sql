-- The command ledger (issue 11): every command relayed to the CTI, with its outcome, and the idempotency
-- keys that make a client's retry safe. A key is claimed by one insert-if-absent on the unique (login,
-- idem_key), so it holds across instances; rows without a key (null) never conflict. When a key's window
-- has passed, its holder gives the key up (idem_key set to null) and keeps its row until retention.
create table command_ledger (
    id           text collate "C" primary key, -- time-ordered: newest first is greatest id first (byte order)
    login        text        not null,
    name         text        not null,
    fields       text        not null,     -- the validated fields as canonical JSON (sorted keys)
    issued_at    timestamptz not null,
    idem_key     text,
    fingerprint  text        not null,     -- SHA-256 of the canonical command: a retry must match it
    status       text        not null,     -- sent | ok | refused | parse-error | cti-down | timeout
    reply_name   text,
    reply        text,
    completed_at timestamptz,
    constraint command_ledger_login_key unique (login, idem_key)
);
create index command_ledger_login_id on command_ledger (login, id);
create index command_ledger_issued_at on command_ledger (issued_at);
