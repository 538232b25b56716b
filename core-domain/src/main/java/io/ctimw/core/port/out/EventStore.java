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
    /** Appends a batch atomically, in list order; returns the stored events with their cursors. */
    List<StoredEvent> append(List<PendingEvent> batch);

    /** Events of {@code login} with cursor greater than {@code after}, oldest first, at most {@code limit}. */
    List<StoredEvent> after(Login login, long after, int limit);

    /** The highest cursor stored for {@code login}, or 0 when it has none. */
    long latestCursor(Login login);

    /** Deletes events received before {@code cutoff}; returns how many. */
    int deleteReceivedBefore(Instant cutoff);

    /** Cheap round trip proving the store is reachable; throws {@link StoreUnavailableException} if not. */
    void ping();
}
