package io.ctimw.core.port.out;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.Login;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where relayed commands are kept, with the idempotency keys that make retries safe across instances:
 * a key is claimed by one insert-if-absent per (login, key). Throws {@link StoreUnavailableException} when down.
 */
public interface CommandLedger {
    /**
     * Stores {@code entry}. When it has a key and that login's key already stands for a command issued at
     * or after {@code keysSince}, stores nothing and returns that command instead; an older holder gives
     * the key up (it keeps its entry, without the key).
     */
    Optional<CommandRecord> claim(CommandRecord entry, Instant keysSince);

    /**
     * Records the outcome of a command; {@code at} is when it came. {@code releaseKey}: the command gives its
     * key up (as an expired one does), so a retry under it is sent anew.
     */
    void complete(CommandId id, CommandOutcome outcome, Instant at, boolean releaseKey);

    /** The login's command with that id; empty for another login's. */
    Optional<CommandRecord> find(Login login, CommandId id);

    /** The login's command holding that key, issued at or after {@code since}. */
    Optional<CommandRecord> findByKey(Login login, IdempotencyKey key, Instant since);

    /** The login's commands with ids below {@code before} (all when null), greatest id first. */
    List<CommandRecord> recent(Login login, CommandId before, int limit);

    /** Deletes entries issued before {@code cutoff}; returns how many. */
    int deleteIssuedBefore(Instant cutoff);
}
