package io.ctimw.adapters.http;

import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.port.in.EventStream;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes one open event stream without a thread of its own: the servlet container says when the socket
 * can take more ({@code onWritePossible}), the core says when there is more ({@link #wake()}), and each
 * time a worker writes what is ready with non-blocking writes, then returns. Events are taken from the
 * core only when the last chunk went out, so a slow reader leaves them in the core's bounded buffer,
 * which cuts it when it overflows. The writer completes the response itself once the end is written (or
 * the client is gone); the container telling it the response is over (an error, a stop) ends it too.
 */
final class SseWriter extends ContainerCallbacks {
    /** What a stream was when it finished: for the log line and the caps. */
    record Summary(StreamEnd reason, long events, long millis) {
    }

    private final Executor workers;
    private final SseEncoding encoding;
    private final HttpMetrics metrics;
    private final Consumer<Summary> finished;
    private final long started = System.nanoTime();
    private EventStream stream;
    private volatile ServletOutputStream out;
    private AsyncContext async;
    private Runnable abort;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private boolean flushNeeded = true; // the headers go out at once: the client knows it is connected
    private boolean heartbeatDue;
    private boolean endWritten;
    private boolean endSeenAtLastBeat;
    private volatile boolean over;
    private StreamEnd reason = StreamEnd.CLIENT_GONE;
    private long sent;
    /** Sent first, so a client sees the encoding's start (gzip's header) before any event. */
    private byte[] opening;

    SseWriter(Executor workers, SseEncoding encoding, HttpMetrics metrics, Consumer<Summary> finished) {
        this.workers = workers;
        this.encoding = encoding;
        this.metrics = metrics;
        this.finished = finished;
        this.opening = encoding.encode(new byte[0]);
    }

    /** Starts writing (async mode has started, its timeout off). */
    void attach(EventStream events, AsyncContext context, ServletOutputStream output, Runnable closeConnection) {
        synchronized (this) {
            this.stream = events;
            this.async = context;
            this.out = output;
            this.abort = closeConnection;
        }
        context.addListener(this);
        output.setWriteListener(this); // the container calls onWritePossible once it may be written
    }

    /** Something may be ready: a worker writes it (never the caller, which may be the core's writer thread). */
    void wake() { // lock-free: the caller may be the core's event writer, which must never wait on a socket
        if (over || out == null || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            workers.execute(() -> {
                scheduled.set(false); // before pumping: what arrives meanwhile schedules one more pump
                pump();
            });
        } catch (RejectedExecutionException stopping) {
            finish();
        }
    }

    /** On a worker, every heartbeat interval: keeps the session alive, checks it, and sends a comment. */
    void heartbeat() {
        EventStream events;
        synchronized (this) {
            if (over || stream == null) {
                return;
            }
            if (stream.ended().isPresent()) {
                if (endSeenAtLastBeat) { // its end could not be written for a whole interval: the reader is stuck
                    abort.run(); // its pending write fails, and that finishes it
                    return;
                }
                endSeenAtLastBeat = true;
            }
            heartbeatDue = true;
            events = stream;
        }
        events.check();
        wake();
    }

    /** Ends the stream from the server's side (e.g. shutdown); the end event is written when the socket allows. */
    void end(StreamEnd why) {
        EventStream events = current();
        if (events != null) {
            events.end(why);
        }
    }

    private synchronized EventStream current() {
        return stream;
    }

    @Override
    void pump() {
        boolean complete = false;
        synchronized (this) {
            if (over || out == null) {
                return;
            }
            try {
                while (out.isReady()) {
                    if (flushNeeded) {
                        flushNeeded = false;
                        out.flush();
                    } else if (endWritten) {
                        complete = true;
                        break;
                    } else {
                        byte[] chunk = next();
                        if (chunk == null) {
                            break;
                        }
                        out.write(chunk);
                        flushNeeded = true;
                    }
                }
            } catch (IOException | RuntimeException e) { // the client went away, or the stream was closed under us
                complete = true;
            }
        }
        if (complete) {
            finish();
        }
    }

    /** The next chunk to write, or null when nothing is ready. Holds the lock. */
    private byte[] next() {
        if (opening != null) {
            byte[] first = opening;
            opening = null;
            if (first.length > 0) {
                return first;
            }
        }
        Optional<StreamEnd> end = stream.ended();
        if (end.isPresent()) {
            endWritten = true;
            reason = end.get();
            return encoding.last(reason == StreamEnd.CLIENT_GONE ? new byte[0] : SseText.end(reason));
        }
        List<StoredEvent> batch = stream.take();
        if (!batch.isEmpty()) {
            sent += batch.size();
            heartbeatDue = false; // the events say as much as a heartbeat would
            metrics.delivered(batch);
            return encoding.encode(SseText.events(batch));
        }
        if (heartbeatDue) {
            heartbeatDue = false;
            return encoding.encode(SseText.HEARTBEAT);
        }
        return null;
    }

    @Override
    void finish() {
        EventStream events;
        Summary summary;
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            encoding.close();
            events = stream;
            StreamEnd why = endWritten || stream == null ? reason : stream.ended().orElse(reason);
            summary = new Summary(why, sent, (System.nanoTime() - started) / 1_000_000);
        }
        if (events != null) {
            events.end(StreamEnd.CLIENT_GONE); // no-op when it had ended: frees its place in the core
        }
        finished.accept(summary);
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // the container ended it first (an error, a stop): nothing left to complete
        }
    }
}
