package io.ctimw.core.requestlog;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.Backoff;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.port.out.RequestLogStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Takes answered requests off the request threads into a bounded queue that one writer thread stores in
 * batches (log lines and counter increments in one transaction). A request never waits for the log: when
 * the queue is full the line is dropped and counted, with a WARN at most once a minute. While the store is
 * unreachable the batch is retried (the queue fills meanwhile); a batch the store refuses is dropped, logged.
 */
public final class RequestRecorder {
    private static final System.Logger LOG = System.getLogger(RequestRecorder.class.getName());
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.5);

    private final RequestLogStore store;
    private final Clock clock;
    private final Predicate<String> knownCommand;
    private final int capacity;
    private final int maxBatch;
    private final BlockingQueue<LoggedRequest> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedWarned = new AtomicLong();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread writer;
    private volatile boolean storeHealthy = true;

    /** @param knownCommand whether a control request's command is in the catalog (else it is logged as invalid) */
    public RequestRecorder(RequestLogStore store, Clock clock, Predicate<String> knownCommand, int capacity,
                           int maxBatch, ThreadFactory threads) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.store = store;
        this.clock = clock;
        this.knownCommand = knownCommand;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writer = threads.newThread(this::writeLoop);
    }

    public void start() {
        writer.start();
    }

    /** Queues the line stamped with its arrival (now minus its duration); never blocks. */
    public void record(ApiRequest request) {
        Instant arrived = clock.instant().minusMillis(request.durationMillis()).truncatedTo(ChronoUnit.MICROS);
        if (closing.get() || !queue.offer(new LoggedRequest(0, arrived, request.withCommandChecked(knownCommand)))) {
            countDropped();
        }
    }

    private void countDropped() {
        long total = dropped.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastWarning.get();
        if (!now.isBefore(last.plus(WARN_EVERY)) && lastWarning.compareAndSet(last, now)) {
            long since = total - droppedWarned.getAndSet(total);
            LOG.log(Level.WARNING, "request log queue full ({0} lines) or stopping: {1} requests not logged since the"
                    + " last warning, {2} since start", capacity, since, total);
        }
    }

    /** Requests not logged since start (queue full, store refused the batch, or stopped before written). */
    public long dropped() {
        return dropped.get();
    }

    /** Lines stored since start. */
    public long written() {
        return written.get();
    }

    /** Lines queued or being written. */
    public long pending() {
        return queue.size() + inFlight.get();
    }

    private void writeLoop() {
        List<LoggedRequest> batch = new ArrayList<>(maxBatch);
        while (!(closing.get() && queue.isEmpty())) {
            try {
                LoggedRequest first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                inFlight.set(batch.size());
                write(batch);
                inFlight.set(0);
            } catch (InterruptedException e) {
                return; // the batch stays in flight: drainAndStop counts it among the lines not written
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<LoggedRequest> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                store.append(batch, HourlyCounts.of(batch));
                written.addAndGet(batch.size());
                if (!storeHealthy) {
                    storeHealthy = true;
                    LOG.log(Level.INFO, "request log store reachable again; writing resumed");
                }
                return;
            } catch (StoreUnavailableException e) {
                if (storeHealthy) {
                    storeHealthy = false;
                    LOG.log(Level.WARNING, "request log store unreachable ({0}); retrying, {1} lines queued",
                            e.getMessage(), queue.size());
                }
            } catch (RuntimeException e) { // the data, not the reachability: retrying would refuse it forever
                dropped.addAndGet(batch.size());
                LOG.log(Level.ERROR, "request log batch of " + batch.size() + " lines refused by the store, not logged", e);
                return;
            }
            Thread.sleep(RETRY.delay(attempt).toMillis());
        }
    }

    /** Stops taking lines and writes what is queued, waiting at most {@code grace}; idempotent. */
    public void drainAndStop(Duration grace) throws InterruptedException {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (writer.getState() == Thread.State.NEW) {
            return;
        }
        writer.join(grace.toMillis());
        if (writer.isAlive()) {
            writer.interrupt();
            writer.join(grace.toMillis());
        }
        long left = pending();
        if (left > 0) {
            dropped.addAndGet(left);
            LOG.log(Level.WARNING, "request log stopped with {0} lines not written", left);
        }
    }
}
