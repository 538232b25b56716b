package io.ctimw.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One ledger entry: a command relayed for {@code login}, its validated fields as canonical JSON, when,
 * the caller's idempotency key (or null), the fingerprint a retry is compared by, and its outcome so far.
 */
public record CommandRecord(CommandId id, Login login, String name, String fieldsJson, Instant at,
                            IdempotencyKey key, String fingerprint, CommandOutcome outcome, Instant completedAt) {
    public CommandRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fieldsJson, "fieldsJson");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean inFlight() {
        return outcome.status() == CommandOutcome.Status.SENT;
    }

    public CommandRecord completed(CommandOutcome result, Instant when) {
        return new CommandRecord(id, login, name, fieldsJson, at, key, fingerprint, result, when);
    }
}
