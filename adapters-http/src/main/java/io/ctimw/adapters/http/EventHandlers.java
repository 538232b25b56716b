package io.ctimw.adapters.http;

import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.in.EventsUseCase;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/events}: (long-)polls the caller's events without holding a thread while waiting;
 * {@code GET /api/v1/events/stream} pushes them ({@link StreamHandlers}).
 */
final class EventHandlers {
    private final EventsUseCase events;
    private final EventQueryParser queries;
    private final AsyncResults async;
    private final HttpMetrics metrics;
    private final StreamHandlers streams;

    public EventHandlers(EventsUseCase events, EventQueryParser queries, AsyncResults async, HttpMetrics metrics,
                         StreamHandlers streams) {
        this.streams = streams;
        this.events = events;
        this.queries = queries;
        this.async = async;
        this.metrics = metrics;
    }

    public void poll(Context ctx) {
        EventQuery query = queries.parse(ctx.queryParamMap());
        var session = Authenticator.sessionOf(ctx);
        ctx.future(() -> async.respond(events.poll(session, query), batch -> write(ctx, batch)));
    }

    public void stream(Context ctx) {
        streams.stream(ctx);
    }

    private void write(Context ctx, List<StoredEvent> batch) {
        if (batch.isEmpty()) {
            ctx.status(204);
            return;
        }
        ctx.header("X-Cursor", Long.toString(batch.get(batch.size() - 1).cursor()));
        JsonResponses.ok(ctx, EventsJson.array(batch));
        metrics.delivered(batch);
    }
}
