package io.ctimw.core.port.in;

import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * One open stream of a session's events, pulled by its transport when it can write: the core buffers
 * at most a bounded number of events for it and ends it when the session ends or the client falls behind.
 * Whenever {@link #take()} may return more, or the stream ended, the core runs the transport's wake-up.
 */
public interface EventStream {
    /** The events ready to send, oldest first (empty when none is ready now); they count as delivered. */
    List<StoredEvent> take();

    /** Why the stream ended, once it has; nothing more is taken after that. */
    Optional<StreamEnd> ended();

    /** Checks that the session is still live and may read events (ending the stream if not); may block on the store. */
    void check();

    /** Ends the stream (the server stops, the client went away); idempotent, the first reason wins. */
    void end(StreamEnd reason);
}
