package io.ctimw.core.port.out;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import java.time.Instant;
import java.util.List;

/**
 * The per-login event journal. Cursors increase strictly in append order for every login (a global
 * sequence is fine), so "after cursor N" never skips an event that was committed later.
 */
public interface EventStore {
    /**
     * Appends a batch atomically, in list order; returns the stored events with their cursors.
     * Throws {@link StoreUnavailableException} when the database cannot be reached (retry later) and
     * {@link EventRefusedException} when it refuses the data of some event in the batch (retrying the
     * same batch cannot help); either way nothing of the batch was stored. The batch's highest
     * {@link PendingEvent#intakeSeq()} is committed in the same transaction (see {@link #intakeWatermark}).
     */
    default List<StoredEvent> append(List<PendingEvent> batch) {
        return append(batch, java.util.Map.of());
    }

    /**
     * {@link #append(List)} that, in the same transaction, also keeps each login's state row: {@code states}
     * maps logins of the batch to the JSON of their state after it, and each row gets the cursor of its
     * login's last event in the batch. So a state row is never ahead of nor behind the stored events.
     *
     * @throws IllegalArgumentException when {@code states} names a login without an event in the batch
     */
    List<StoredEvent> append(List<PendingEvent> batch, java.util.Map<Login, String> states);

    /** The login's state row kept by {@link #append(List, java.util.Map)}, if it has one. */
    java.util.Optional<io.ctimw.core.model.StoredState> state(Login login);

    /**
     * Keeps an event {@link #append} refused, verbatim (the UTF-8 bytes of its frame), with its login,
     * its receive time and the database's {@code reason}, where no agent will ever be served it.
     * Throws {@link StoreUnavailableException} when the database cannot be reached and
     * {@link EventRefusedException} if even this is refused. Like {@link #append}, it commits the event's
     * intake sequence with it: a quarantined event counts as handled.
     */
    void quarantine(PendingEvent refused, String reason);

    /**
     * The highest intake sequence committed with an appended or quarantined event (never lowered), 0 when
     * none: the intake log's events after it are the ones a crash kept from the store.
     */
    long intakeWatermark();

    /** Events of {@code login} with cursor greater than {@code after}, oldest first, at most {@code limit}. */
    List<StoredEvent> after(Login login, long after, int limit);

    /** The highest cursor stored for {@code login}, or 0 when it has none. */
    long latestCursor(Login login);

    /** {@link #latestCursor} of many logins at once (an administrator's session list); every login is a key. */
    default java.util.Map<Login, Long> latestCursors(java.util.Collection<Login> logins) {
        java.util.Map<Login, Long> latest = new java.util.HashMap<>();
        logins.forEach(login -> latest.put(login, latestCursor(login)));
        return latest;
    }

    /**
     * Deletes events received before {@code cutoff}; returns how many. A state row whose last event goes with
     * them goes too: that login said nothing for the whole retention, and its next attach re-reads its phone.
     */
    int deleteReceivedBefore(Instant cutoff);

    /** Cheap round trip proving the store is reachable; throws {@link StoreUnavailableException} if not. */
    void ping();
}
