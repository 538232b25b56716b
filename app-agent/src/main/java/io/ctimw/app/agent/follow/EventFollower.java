package io.ctimw.app.agent.follow;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.app.agent.http.EventBatch;
import io.ctimw.app.agent.http.MiddlewareClient;
import io.ctimw.app.agent.http.ProblemException;
import io.ctimw.app.agent.http.UnreachableException;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Fetches events after a cursor and hands each new one to a sink, then reports the new cursor so it
 * is stored after every printed batch: a restart resumes without loss or duplicates. In follow mode it
 * reads the middleware's event stream (long-polling instead when the middleware has none: 404), resumes
 * it by cursor whenever it ends, rides out outages (announcing each once) and only ends on
 * {@link #stop()} or a 401.
 */
public final class EventFollower {
    private final MiddlewareClient client;
    private final String token;
    private final Consumer<JsonNode> sink;
    private final LongConsumer cursorStore;
    private final Consumer<String> status;
    private final Sleeper sleeper;
    private final FollowSettings settings;
    private volatile boolean stopped;
    private volatile Thread runner;
    private volatile Closeable openStream;
    private Long cursor;
    private boolean streaming = true;
    private boolean down;

    public EventFollower(MiddlewareClient client, String token, Long cursor, Consumer<JsonNode> sink,
                         LongConsumer cursorStore, Consumer<String> status, Sleeper sleeper, FollowSettings settings) {
        this.client = client;
        this.token = token;
        this.cursor = cursor;
        this.sink = sink;
        this.cursorStore = cursorStore;
        this.status = status;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    /** One fetch without waiting; returns how many events were printed. Errors propagate. */
    public int fetchOnce() {
        return deliver(client.events(token, cursor, 0, settings.limit()));
    }

    /** Streams (or long-polls) until {@link #stop()}; throws only for problems a retry cannot fix (401, 4xx). */
    public void follow() {
        runner = Thread.currentThread();
        Backoff backoff = new Backoff(settings.firstRetry(), settings.maxRetry());
        down = false;
        try {
            while (!stopped) {
                try {
                    if (streaming) {
                        if (!stream(backoff)) { // not down, but a stream that keeps ending must not be hammered
                            sleeper.sleep(backoff.next());
                        }
                        continue;
                    } else {
                        EventBatch batch = client.events(token, cursor, settings.waitSeconds(), settings.limit());
                        restored(backoff);
                        deliver(batch);
                        continue;
                    }
                } catch (UnreachableException e) {
                    if (!down && !stopped) {
                        status.accept("middleware unreachable at " + client.address() + "; retrying");
                    }
                } catch (ProblemException e) {
                    if (streaming && e.status() == 404) { // an older middleware: long-poll it instead
                        streaming = false;
                        continue;
                    }
                    if (!retryable(e)) {
                        throw e;
                    }
                    if (!down) {
                        status.accept("middleware error " + e.status() + " (" + e.detail() + "); retrying");
                    }
                } catch (CancellationException e) {
                    if (stopped) {
                        return;
                    }
                    throw e;
                }
                down = true;
                sleeper.sleep(backoff.next());
            }
        } catch (InterruptedException e) {
            // stop() interrupts a sleeping follower; anything else interrupting us also means "finish"
        } finally {
            runner = null;
            if (stopped) {
                Thread.interrupted();
            }
        }
    }

    /** Ends {@link #follow()} from another thread (shell exit, tests), interrupting a pending long poll or stream. */
    public void stop() {
        stopped = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
        Closeable open = openStream;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing is all we wanted: the reader ends either way
            }
        }
    }

    /**
     * One stream, from the cursor on, until the middleware ends it; true when it should be reopened at once
     * (cut as slow-consumer: the next one resumes by cursor), false to wait first (it closed without an
     * end, or ended for a reason a quick retry would meet again, e.g. the database unavailable).
     */
    private boolean stream(Backoff backoff) {
        Optional<String> end;
        Long before = cursor;
        try {
            end = client.stream(token, cursor, e -> deliver(new EventBatch(List.of(e), OptionalLong.empty())), open -> {
                openStream = open;
                restored(backoff);
            });
        } catch (UnreachableException e) {
            if (stopped) {
                throw new CancellationException("stopped");
            }
            throw e;
        } finally {
            openStream = null;
        }
        if (!java.util.Objects.equals(before, cursor)) {
            backoff.reset(); // it delivered: the next trouble starts from a short wait again
        }
        return end.filter("slow-consumer"::equals).isPresent();
    }

    private void restored(Backoff backoff) {
        if (down) {
            status.accept("connection restored");
            down = false;
            backoff.reset();
        }
    }

    public Long cursor() {
        return cursor;
    }

    private int deliver(EventBatch batch) {
        List<JsonNode> events = batch.events();
        long highest = cursor == null ? -1 : cursor;
        int shown = 0;
        for (JsonNode e : events) {
            JsonNode c = e.get("_cursor");
            if (c != null && c.canConvertToLong() && c.asLong() <= highest) {
                continue; // already shown: the server resent it, e.g. after a retry raced a delivery
            }
            try {
                sink.accept(e);
            } catch (RuntimeException failed) {
                store(highest); // the events before this one were written: only they count as seen
                throw failed;
            }
            shown++;
            if (c != null && c.canConvertToLong()) {
                highest = c.asLong();
            }
        }
        if (batch.cursorHeader().isPresent()) {
            highest = Math.max(highest, batch.cursorHeader().getAsLong());
        }
        store(highest);
        return shown;
    }

    private void store(long highest) {
        if (highest >= 0 && (cursor == null || highest > cursor)) {
            cursor = highest;
            cursorStore.accept(highest);
        }
    }

    private static boolean retryable(ProblemException e) {
        return e.status() >= 500 || e.status() == 429 || e.status() == 408;
    }
}
