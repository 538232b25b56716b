package io.ctimw.core.event;

import io.ctimw.core.model.Backoff;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes events off the CTI reader thread and appends them to the store in batches on one writer
 * thread. One writer means cursors are committed in order, so a reader asking "after N" never
 * misses an event committed later. When the store is down the batch is kept and retried with
 * backoff; the queue buffers meanwhile and, once full, blocks the producer (back-pressure on the
 * CTI socket) rather than dropping anything. The middleware's own events ({@code mw.*}, at most one
 * per login per link change) take a lane that never blocks: they are raised from the link's state
 * callbacks, which must not wait on a full buffer. The writer merges both lanes in submission order.
 */
public final class EventJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5),
            () -> ThreadLocalRandom.current().nextDouble());

    private final EventStore store;
    private final DeliveryHub hub;
    private final Clock clock;
    /** An event with its submission number, so the two lanes merge in order. */
    private record Queued(long seq, PendingEvent event) {}

    private static final Queued WAKE_UP = new Queued(-1, null);

    private final BlockingQueue<Queued> queue;
    private final ConcurrentLinkedQueue<Queued> ownLane = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
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

    /** Queues an event from the CTI; never blocks unless the buffer is full. */
    public void submit(CtiEvent event) {
        Queued pending = queued(event);
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

    /** Queues one of the middleware's own events; never blocks. */
    public void submitOwn(CtiEvent event) {
        ownLane.add(queued(event));
        queue.offer(WAKE_UP); // if the buffer is full the writer is busy anyway
    }

    private Queued queued(CtiEvent event) {
        return new Queued(sequence.incrementAndGet(),
                new PendingEvent(event.login(), event.name(), event.json(), clock.instant()));
    }

    /** Events submitted but not yet stored (queued, or in the batch being written). */
    public int pending() {
        return (int) (sequence.get() - appended.get());
    }

    public long appended() {
        return appended.get();
    }

    /** False after the last append failed because the store was unreachable, until one succeeds. */
    public boolean storeHealthy() {
        return storeHealthy;
    }

    private void writeLoop() {
        List<Queued> taken = new ArrayList<>(maxBatch);
        while (!(closing.get() && queue.isEmpty() && ownLane.isEmpty())) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    taken.add(first);
                    queue.drainTo(taken, maxBatch - 1);
                }
                for (Queued own = ownLane.poll(); own != null; own = ownLane.poll()) {
                    taken.add(own);
                }
                taken.removeIf(q -> q == WAKE_UP);
                if (taken.isEmpty()) {
                    continue;
                }
                taken.sort(java.util.Comparator.comparingLong(Queued::seq));
                appendWithRetry(taken.stream().map(Queued::event).toList());
                taken.clear();
            } catch (InterruptedException e) {
                if (!closing.get()) {
                    LOG.log(Level.ERROR, "event writer interrupted with {0} events queued", queue.size());
                }
                return;
            }
        }
    }

    private void appendWithRetry(List<PendingEvent> batch) throws InterruptedException {
        int attempt = 0;
        while (true) {
            try {
                List<StoredEvent> stored = store.append(batch);
                appended.addAndGet(batch.size());
                if (!storeHealthy) {
                    LOG.log(Level.INFO, "event store reachable again; writing resumed");
                    storeHealthy = true;
                }
                signal(stored);
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
            Thread.sleep(RETRY.delay(++attempt).toMillis());
        }
    }

    private void signal(List<StoredEvent> stored) {
        hub.stored(stored);
    }

    /** Stops accepting work and writes what is queued, waiting at most {@code grace}. */
    public boolean drainAndStop(Duration grace) throws InterruptedException {
        closing.set(true);
        writer.join(grace.toMillis());
        if (writer.isAlive()) {
            writer.interrupt();
            LOG.log(Level.ERROR, "shut down with {0} events not yet stored", pending());
            return false;
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        drainAndStop(Duration.ofSeconds(10));
    }
}
