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
    List<StoredEvent> append(List<PendingEvent> batch);

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

    /** Deletes events received before {@code cutoff}; returns how many. */
    int deleteReceivedBefore(Instant cutoff);

    /** Cheap round trip proving the store is reachable; throws {@link StoreUnavailableException} if not. */
    void ping();
}
