package io.ctimw.core.event;

import io.ctimw.core.auth.Login;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes events off the CTI reader thread and appends them to the store in batches on one writer
 * thread. One writer means cursors are committed in order, so a reader asking "after N" never
 * misses an event committed later. When the store is down the batch is kept and retried with
 * backoff; the queue buffers meanwhile and, once full, blocks the producer (back-pressure on the
 * CTI socket) rather than dropping anything.
 */
public final class EventJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final EventStore store;
    private final DeliveryHub hub;
    private final Clock clock;
    private final BlockingQueue<PendingEvent> queue;
    private final int maxBatch;
    private final Thread writer;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong appended = new AtomicLong();
    private volatile boolean storeHealthy = true;

    public EventJournal(EventStore store, DeliveryHub hub, Clock clock, int capacity, int maxBatch,
                        ThreadFactory threads) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.writer = threads.newThread(this::writeLoop);
    }

    public void start() {
        writer.start();
    }

    /** Queues an event; never blocks unless the buffer is full. */
    public void submit(CtiEvent event) {
        PendingEvent pending = new PendingEvent(event.login(), event.name(), event.json(), clock.instant());
        if (queue.offer(pending)) {
            return;
        }
        LOG.log(Level.WARNING, "event buffer full ({0} events): holding the CTI reader until the store catches up",
                queue.size());
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while buffering an event for " + event.login(), e);
        }
    }

    public int pending() {
        return queue.size();
    }

    public long appended() {
        return appended.get();
    }

    /** False after the last append failed because the store was unreachable, until one succeeds. */
    public boolean storeHealthy() {
        return storeHealthy;
    }

    private void writeLoop() {
        List<PendingEvent> batch = new ArrayList<>(maxBatch);
        while (!(closing.get() && queue.isEmpty())) {
            try {
                PendingEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                appendWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!closing.get()) {
                    LOG.log(Level.ERROR, "event writer interrupted with {0} events queued", queue.size());
                }
                return;
            }
        }
    }

    private void appendWithRetry(List<PendingEvent> batch) throws InterruptedException {
        Duration backoff = Duration.ofMillis(50);
        while (true) {
            try {
                store.append(batch);
                appended.addAndGet(batch.size());
                if (!storeHealthy) {
                    LOG.log(Level.INFO, "event store reachable again; writing resumed");
                    storeHealthy = true;
                }
                signal(batch);
                return;
            } catch (StoreUnavailableException e) {
                if (storeHealthy) {
                    LOG.log(Level.WARNING, "event store unreachable ({0}); keeping {1} queued events and retrying",
                            e.getMessage(), batch.size() + queue.size());
                    storeHealthy = false;
                }
            } catch (RuntimeException e) {
                // A bug or a poisoned row must not stop every other agent's events: log and retry slowly.
                LOG.log(Level.ERROR, "event append failed; retrying", e);
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void signal(List<PendingEvent> batch) {
        Set<Login> logins = new LinkedHashSet<>();
        batch.forEach(e -> logins.add(e.login()));
        logins.forEach(hub::signal);
    }

    /** Stops accepting work and writes what is queued, waiting at most {@code grace}. */
    public boolean drainAndStop(Duration grace) throws InterruptedException {
        closing.set(true);
        writer.join(grace.toMillis());
        if (writer.isAlive()) {
            writer.interrupt();
            LOG.log(Level.ERROR, "shut down with {0} events not yet stored", queue.size());
            return false;
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        drainAndStop(Duration.ofSeconds(10));
    }
}
