package io.ctimw.core.port.in;

import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** An agent reading its own event stream, optionally long-polling, or pushed over an open stream. */
public interface EventsUseCase {
    /** Completes with the session's events after the query's cursor (empty when the wait ran out). */
    CompletionStage<List<StoredEvent>> poll(Session session, EventQuery query);

    /**
     * Opens a stream of the session's events after {@code after} (the session's own position when empty).
     *
     * @param wake run (on any thread, never under a lock of the core) when the stream has something to take
     *             or ended; it must only hand the work to the transport's own threads
     * @throws AccessDeniedException without the {@code events} grant
     */
    EventStream stream(Session session, OptionalLong after, Runnable wake);
}
