package io.ctimw.core.event;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.port.out.IntakeLog;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes events off the CTI reader thread and appends them to the store in batches on one writer
 * thread. What is guaranteed:
 * <ul>
 * <li><b>Order.</b> Both lanes below feed one FIFO queue, so events are stored exactly in the order
 * {@link #submit} and {@link #submitOwn} were called, across lanes and logins, however many batches
 * a backlog spans: a middleware event never overtakes a CTI event submitted before it. One writer
 * means cursors are committed in that order too, so a reader asking "after N" never misses an event
 * committed later, and each login's stream is in the order its events were received.</li>
 * <li><b>Nothing received is lost.</b> While the store is unreachable the batch is retried with
 * backoff and the queue buffers; once {@code capacity} CTI events wait, {@link #submit} blocks the CTI
 * reader (back-pressure on the socket) rather than dropping anything. An event the store refuses
 * (its data, not its reachability) is isolated and put in the store's quarantine instead, counted and
 * logged; the events around it are stored in their order and writing goes on (see {@link BatchAppender}).
 * Even the death of the process loses nothing: each event goes to the {@link IntakeLog} before it is
 * queued, and {@link #recover} stores what the log has after the store's watermark.</li>
 * <li><b>The middleware's own events never wait.</b> {@code mw.*} events (at most one per login per link
 * change) are raised from the link's state callbacks, which must not block on a full buffer: they
 * take their place in the queue without counting against {@code capacity}.</li>
 * </ul>
 */
public final class EventJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());

    /** An event and whether it holds one of the CTI lane's places in the buffer. */
    private record Queued(PendingEvent event, boolean fromCti) {}

    private final Clock clock;
    private final int capacity;
    private final int maxBatch;
    /** Both lanes, in submission order; only the CTI lane is bounded, by {@link #room}. */
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final AtomicLong submitted = new AtomicLong();
    private final BatchAppender appender;
    private final Thread writer;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final IntakeOrder intake;

    public EventJournal(EventStore store, IntakeLog log, DeliveryHub hub, Clock clock, int capacity, int maxBatch,
                        ThreadFactory threads) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.room = new Semaphore(capacity);
        this.intake = new IntakeOrder(log);
        this.appender = new BatchAppender(store, hub, this::pending);
        this.writer = threads.newThread(this::writeLoop);
    }

    /**
     * Queues, ahead of anything submitted later, the logged events a crash kept from the store (those after
     * its {@code watermark}), with their original receive times; returns how many. Call before {@link #start}.
     */
    public int recover(long watermark) {
        List<PendingEvent> lost = intake.unstored(watermark);
        lost.forEach(e -> enqueue(new Queued(e, false)));
        return lost.size();
    }

    public void start() {
        writer.start();
    }

    /**
     * Queues an event from the CTI. The event takes its place in line at once; the call then returns
     * unless {@code capacity} CTI events are already waiting, in which case it blocks until the store
     * catches up (an interrupt ends the wait; the event stays queued).
     */
    public void submit(CtiEvent event) {
        intake.admit(pending(event), e -> enqueue(new Queued(e, true)));
        if (room.tryAcquire()) {
            return;
        }
        LOG.log(Level.WARNING, "event buffer full ({0} events): holding the CTI reader until the store catches up",
                capacity);
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues one of the middleware's own events; never blocks. */
    public void submitOwn(CtiEvent event) {
        intake.admit(pending(event), e -> enqueue(new Queued(e, false)));
    }

    private PendingEvent pending(CtiEvent event) {
        return new PendingEvent(event.login(), event.name(), event.json(), clock.instant());
    }

    private void enqueue(Queued queued) {
        submitted.incrementAndGet();
        queue.add(queued);
    }

    /** Events submitted and not yet stored or quarantined (queued, or in the batch being written). */
    public int pending() {
        return (int) (submitted.get() - appender.settled());
    }

    /** Events submitted since start, both lanes. */
    public long received() {
        return submitted.get();
    }

    public long appended() {
        return appender.appended();
    }

    /** Events the store refused and that were put in its quarantine, since start. */
    public long quarantined() {
        return appender.quarantined();
    }

    /** Events the store refused and whose quarantine failed too (only the log line names them), since start. */
    public long quarantineFailures() {
        return appender.quarantineFailures();
    }

    /** Events received since start that the intake log could not record (disk full): a crash would lose them. */
    public long unlogged() {
        return intake.unlogged();
    }

    /** False after the last store call failed because the store was unreachable, until one gets through. */
    public boolean storeHealthy() {
        return appender.storeHealthy();
    }

    private void writeLoop() {
        List<Queued> taken = new ArrayList<>(maxBatch);
        while (!(closing.get() && queue.isEmpty())) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, maxBatch - 1);
                room.release((int) taken.stream().filter(Queued::fromCti).count());
                List<PendingEvent> batch = taken.stream().map(Queued::event).toList();
                appender.write(batch);
                intake.stored(batch);
                taken.clear();
            } catch (InterruptedException e) {
                if (!closing.get()) {
                    LOG.log(Level.ERROR, "event writer interrupted with {0} events queued", queue.size());
                }
                return;
            } catch (RuntimeException | Error e) { // never silently: a dead writer would stall every agent
                LOG.log(Level.ERROR, "event writer failed with " + pending() + " events not yet stored", e);
                throw e;
            }
        }
    }

    /** Stops accepting work and writes what is queued, waiting at most {@code grace}. */
    public boolean drainAndStop(Duration grace) throws InterruptedException {
        closing.set(true);
        writer.join(grace.toMillis());
        if (writer.isAlive()) {
            writer.interrupt();
        }
        int left = pending();
        if (writer.isAlive() || left > 0) {
            LOG.log(Level.ERROR, "shut down with {0} events not yet stored", left);
            return false;
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        drainAndStop(Duration.ofSeconds(10));
    }
}
