package io.ctimw.adapters.http;

import io.ctimw.core.model.Session;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.port.in.EventStream;
import io.ctimw.core.port.in.EventsUseCase;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import jakarta.servlet.AsyncContext;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events/stream}: the caller's events as server-sent events over one open response.
 * An open stream holds no thread (the edge's per-address limit counts it only until it is open; streams
 * have caps of their own, per session and in all), and its heartbeat comes from the shared timer.
 */
final class StreamHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHandlers.class);

    private final EventsUseCase events;
    private final StreamSettings settings;
    private final Executor workers;
    private final ScheduledExecutorService timers;
    /**
     * Runs the heartbeats' session checks, which may read the store: off the server's workers, so a slow or
     * unreachable database delays the streams' checks, never the other requests (ten thousand streams would
     * otherwise take every worker while each check waits out the pool's connection timeout).
     */
    private final ExecutorService checks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "event-stream-check");
        t.setDaemon(true);
        return t;
    });
    private final HttpMetrics metrics;
    private final int retryAfterSeconds;
    private final Gate open;
    private final Set<SseWriter> writers = ConcurrentHashMap.newKeySet();

    StreamHandlers(EventsUseCase events, StreamSettings settings, Executor workers, ScheduledExecutorService timers,
                   HttpMetrics metrics, int retryAfterSeconds) {
        this.events = events;
        this.settings = settings;
        this.workers = workers;
        this.timers = timers;
        this.metrics = metrics;
        this.retryAfterSeconds = retryAfterSeconds;
        this.open = new Gate(settings.maxOpen(), settings.maxPerLogin());
    }

    void stream(Context ctx) {
        OptionalLong after = StreamStart.after(ctx.queryParamMap(), ctx.header("Last-Event-ID"));
        Session session = Authenticator.sessionOf(ctx);
        String key = session.login().value(); // per login: new sessions must not buy more places
        admit(ctx, key);
        boolean gzip = StreamStart.acceptsGzip(ctx.header("Accept-Encoding"));
        ScheduledFuture<?>[] beat = new ScheduledFuture<?>[1];
        SseWriter[] self = new SseWriter[1];
        SseWriter writer = new SseWriter(workers, SseEncoding.of(gzip), metrics, summary -> {
            beat[0].cancel(false);
            open.leave(key);
            writers.remove(self[0]);
            LOG.info("event stream of {} session {} ended ({}) after {} ms, {} events", session.login(),
                    session.tokenHash().tag(), SseText.reason(summary.reason()), summary.millis(), summary.events());
        });
        self[0] = writer;
        EventStream stream;
        try {
            stream = events.stream(session, after, writer::wake);
        } catch (RuntimeException e) { // 403 without the grant: the error mapper answers
            open.leave(key);
            throw e;
        }
        writers.add(writer);
        long every = settings.heartbeat().toMillis();
        beat[0] = timers.scheduleAtFixedRate(() -> heartbeat(writer), every, every, TimeUnit.MILLISECONDS);
        ctx.status(200).contentType("text/event-stream").header("X-Accel-Buffering", "no");
        if (gzip) {
            ctx.header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
        }
        RequestTrace.routed(ctx, null); // Javalin's request loggers never see a stream end (below)
        ctx.future(() -> {
            AsyncContext async = ctx.req().getAsyncContext();
            async.setTimeout(0); // open until it ends, not until Javalin's backstop
            try {
                writer.attach(stream, async, ctx.res().getOutputStream(), () -> closeConnection(ctx));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Never completed: the writer completes the response itself, so Javalin never touches a
            // response the container may already have recycled (a client gone, a stop).
            return new CompletableFuture<Void>();
        });
    }

    /** Ends every open stream with {@code shutdown}; each closes once its end event is written. */
    void endAll() {
        writers.forEach(w -> w.end(StreamEnd.SHUTDOWN));
        checks.shutdown(); // a heartbeat after this finds it stopped and ends its stream
    }

    int openCount() {
        return open.inUse();
    }

    private void admit(Context ctx, String login) {
        Gate.Verdict verdict = open.tryEnter(login);
        if (verdict == Gate.Verdict.ADMITTED) {
            return;
        }
        if (verdict == Gate.Verdict.ADDRESS_FULL) {
            ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
            throw new ProblemException(ProblemType.TOO_MANY_STREAMS, "your login has "
                    + settings.maxPerLogin() + " event streams open already (all its sessions); close one first");
        }
        throw new ProblemException(ProblemType.SERVER_BUSY, "too many event streams are open; retry shortly");
    }

    private void heartbeat(SseWriter writer) {
        try {
            checks.execute(writer::heartbeat);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            writer.end(StreamEnd.SHUTDOWN);
        }
    }

    // A reader that takes nothing for a whole heartbeat interval after its end: its connection is closed under it.
    private static void closeConnection(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                .getEndPoint().close();
    }
}
