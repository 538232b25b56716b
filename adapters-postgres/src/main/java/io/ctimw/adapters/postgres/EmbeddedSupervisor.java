package io.ctimw.adapters.postgres;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the embedded PostgreSQL when its process dies (killed, crashed, OOM), with a backoff that
 * doubles from {@code minBackoff} to {@code maxBackoff}. The connection pool reconnects by itself
 * once the server is back, and the event journal buffers meanwhile, so nothing is lost.
 */
public final class EmbeddedSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSupervisor.class);

    private final EmbeddedDatabase database;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "postgres-supervisor");
        t.setDaemon(true);
        return t;
    });
    private Duration backoff;
    private long nextAttemptNanos;
    private boolean down;

    public EmbeddedSupervisor(EmbeddedDatabase database, Duration minBackoff, Duration maxBackoff) {
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < minBackoff <= maxBackoff");
        }
        this.database = database;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = minBackoff;
    }

    /** Checks the server's process every {@code every}. */
    public EmbeddedSupervisor start(Duration every) {
        checks.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        if (database.isRunning()) {
            return;
        }
        if (!down) {
            down = true;
            LOG.warn("embedded PostgreSQL (pid {}) is gone; restarting it", database.pid().orElse(-1));
        } else if (System.nanoTime() - nextAttemptNanos < 0) {
            return;
        }
        try {
            database.restart();
            LOG.info("embedded PostgreSQL restarted on port {} (pid {})", database.port(), database.pid().orElse(-1));
            down = false;
            backoff = minBackoff;
        } catch (RuntimeException e) {
            LOG.warn("embedded PostgreSQL did not restart ({}); next attempt in {} ms",
                    SqlFailures.rootMessage(e), backoff.toMillis());
            nextAttemptNanos = System.nanoTime() + backoff.toNanos();
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    /** Stops watching; waits for a restart in progress so the caller can then stop the server. */
    @Override
    public void close() {
        checks.shutdownNow();
        try {
            if (!checks.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("embedded PostgreSQL supervisor did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
