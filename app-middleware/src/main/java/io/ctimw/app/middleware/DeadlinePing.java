package io.ctimw.app.middleware;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store with a {@link #ping()} that answers within a deadline: a frozen database (its
 * sockets open, nothing answering) must turn {@code /ready} into a fast 503, not hang the probe for
 * the pool's timeouts. One probe runs at a time, on its own thread; callers share it.
 */
final class DeadlinePing implements EventStore, AutoCloseable {
    private final EventStore store;
    private final Duration deadline;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-probe");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> probe = CompletableFuture.completedFuture(null);
    private long probeStarted;

    DeadlinePing(EventStore store, Duration deadline) {
        this.store = store;
        this.deadline = deadline;
    }

    @Override
    public void ping() {
        CompletableFuture<Void> current;
        long left;
        synchronized (this) {
            if (probe.isDone()) {
                probe = CompletableFuture.runAsync(store::ping, prober);
                probeStarted = System.nanoTime();
            }
            current = probe;
            // Every caller waits only for what is left of the running probe's deadline: while the database
            // hangs, later probes answer at once instead of each holding an HTTP worker for the deadline.
            left = deadline.toNanos() - (System.nanoTime() - probeStarted);
        }
        try {
            current.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("the database did not answer within " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new StoreUnavailableException("database probe failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while probing the database", e);
        }
    }

    @Override
    public List<StoredEvent> append(List<PendingEvent> batch, java.util.Map<Login, String> states) {
        return store.append(batch, states);
    }

    @Override
    public java.util.Optional<io.ctimw.core.model.StoredState> state(Login login) {
        return store.state(login);
    }

    @Override
    public List<StoredEvent> after(Login login, long after, int limit) {
        return store.after(login, after, limit);
    }

    @Override
    public void quarantine(PendingEvent event, String reason) {
        store.quarantine(event, reason);
    }

    @Override
    public long intakeWatermark() {
        return store.intakeWatermark();
    }

    @Override
    public long latestCursor(Login login) {
        return store.latestCursor(login);
    }

    @Override
    public java.util.Map<Login, Long> latestCursors(java.util.Collection<Login> logins) {
        return store.latestCursors(logins);
    }

    @Override
    public int deleteReceivedBefore(Instant cutoff) {
        return store.deleteReceivedBefore(cutoff);
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
