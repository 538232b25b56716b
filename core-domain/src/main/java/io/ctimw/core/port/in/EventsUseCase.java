package io.ctimw.core.port.in;

import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** An agent reading its own event stream, optionally long-polling. */
public interface EventsUseCase {
    /** Completes with the session's events after the query's cursor (empty when the wait ran out). */
    CompletionStage<List<StoredEvent>> poll(Session session, EventQuery query);
}
