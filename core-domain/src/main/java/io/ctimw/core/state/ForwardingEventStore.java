package io.ctimw.core.state;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StoredState;
import io.ctimw.core.port.out.EventStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An event store that hands every call to another; subclasses change the calls they care about. */
abstract class ForwardingEventStore implements EventStore {
    private final EventStore store;

    ForwardingEventStore(EventStore store) {
        this.store = store;
    }

    @Override
    public List<StoredEvent> append(List<PendingEvent> batch, Map<Login, String> states) {
        return store.append(batch, states);
    }

    @Override
    public Optional<StoredState> state(Login login) {
        return store.state(login);
    }

    @Override
    public void quarantine(PendingEvent refused, String reason) {
        store.quarantine(refused, reason);
    }

    @Override
    public long intakeWatermark() {
        return store.intakeWatermark();
    }

    @Override
    public List<StoredEvent> after(Login login, long after, int limit) {
        return store.after(login, after, limit);
    }

    @Override
    public long latestCursor(Login login) {
        return store.latestCursor(login);
    }

    @Override
    public Map<Login, Long> latestCursors(Collection<Login> logins) {
        return store.latestCursors(logins);
    }

    @Override
    public int deleteReceivedBefore(Instant cutoff) {
        return store.deleteReceivedBefore(cutoff);
    }

    @Override
    public void ping() {
        store.ping();
    }
}
