package io.ctimw.core.event;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.in.EventStream;
import io.ctimw.core.port.in.EventsUseCase;
import io.ctimw.core.port.out.EventStore;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands an agent its own events, and only its own: every read is keyed by the session's login.
 * A long-poll registers with the {@link DeliveryHub} and costs no thread while it waits; a stream is
 * opened by {@link EventStreams}.
 */
public final class EventService implements EventsUseCase {
    private final EventStore store;
    private final DeliveryHub hub;
    private final DeliveryPositions positions;
    private final Executor readers;
    private final AccessGuard access;
    private final EventStreams streams;
    private final Consumer<List<StoredEvent>> delivered;

    /** With streams whose sessions are never checked (tests of the poll). */
    public EventService(EventStore store, DeliveryHub hub, DeliveryPositions positions, Executor readers,
                        AccessGuard access) {
        this(store, hub, positions, readers, access,
                new EventStreams(hub, store, positions, readers, access, hash -> true, 1000));
    }

    public EventService(EventStore store, DeliveryHub hub, DeliveryPositions positions, Executor readers,
                        AccessGuard access, EventStreams streams) {
        this(store, hub, positions, readers, access, streams, events -> { });
    }

    /**
     * @param readers   runs the store reads of woken polls and streams (bounded; store reads block on JDBC)
     * @param delivered told of every non-empty batch a poll hands out (the dashboard's delivery lag)
     */
    public EventService(EventStore store, DeliveryHub hub, DeliveryPositions positions, Executor readers,
                        AccessGuard access, EventStreams streams, Consumer<List<StoredEvent>> delivered) {
        this.streams = streams;
        this.store = store;
        this.hub = hub;
        this.positions = positions;
        this.readers = readers;
        this.access = access;
        this.delivered = delivered;
    }

    @Override
    public CompletionStage<List<StoredEvent>> poll(Session session, EventQuery query) {
        access.require(session, Grant.EVENTS);
        long from = query.after().orElse(session.deliveredCursor());
        if (query.maxWait().isZero()) {
            return CompletableFuture.completedFuture(read(session, from, query.limit()));
        }
        CompletableFuture<Void> waiter = hub.register(session.login());
        List<StoredEvent> ready;
        try {
            ready = read(session, from, query.limit());
        } catch (RuntimeException e) {
            hub.cancel(session.login(), waiter);
            throw e;
        }
        if (!ready.isEmpty()) {
            hub.cancel(session.login(), waiter);
            return CompletableFuture.completedFuture(ready);
        }
        return waiter
                .completeOnTimeout(null, query.maxWait().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> hub.cancel(session.login(), waiter))
                .thenApplyAsync(v -> read(session, from, query.limit()), readers);
    }

    @Override
    public EventStream stream(Session session, OptionalLong after, Runnable wake) {
        return streams.open(session, after, wake);
    }

    /** From the hub's memory when it can tell, else from the store. */
    private List<StoredEvent> read(Session session, long from, int limit) {
        List<StoredEvent> events = hub.recent(session.login(), from, limit)
                .orElseGet(() -> store.after(session.login(), from, limit));
        if (!events.isEmpty()) {
            positions.delivered(session, events.get(events.size() - 1).cursor());
            delivered.accept(events);
        }
        return events;
    }
}
