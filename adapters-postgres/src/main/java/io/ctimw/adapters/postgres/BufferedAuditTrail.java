package io.ctimw.adapters.postgres;

import io.ctimw.core.model.AuditEntry;
import io.ctimw.core.model.Backoff;
import io.ctimw.core.port.out.AuditArchive;
import io.ctimw.core.port.out.AuditTrail;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail kept in the database without the callers ever waiting for it: {@link #record} only
 * queues (bounded), one writer thread stores the queue in batches and, while the database is down, keeps
 * the entries and retries. A full queue drops new entries, counted and logged at most once a minute
 * (the app also writes every entry as a log line, so a dropped entry is still on record there).
 */
public final class BufferedAuditTrail implements AuditTrail, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedAuditTrail.class);
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2),
            () -> ThreadLocalRandom.current().nextDouble());

    private final AuditArchive archive;
    private final BlockingQueue<AuditEntry> queue;
    private final int batchSize;
    private final LongSupplier nanos;
    private final Thread writer = new Thread(this::writeUntilClosed, "audit-writer");
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong lastDropReport;
    private volatile long closeDeadline = Long.MAX_VALUE;
    private volatile boolean closing;

    /** @param nanos a monotonic clock ({@code System::nanoTime}); tests pass their own */
    public BufferedAuditTrail(AuditArchive archive, int capacity, int batchSize, LongSupplier nanos) {
        this.archive = archive;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.nanos = nanos;
        this.lastDropReport = new AtomicLong(nanos.getAsLong() - REPORT_EVERY_NANOS);
        writer.setDaemon(true);
    }

    public BufferedAuditTrail start() {
        writer.start();
        return this;
    }

    @Override
    public void record(AuditEntry entry) {
        if (entry != null && !queue.offer(entry)) {
            long total = dropped.incrementAndGet();
            long now = nanos.getAsLong();
            long last = lastDropReport.get();
            if (now - last >= REPORT_EVERY_NANOS && lastDropReport.compareAndSet(last, now)) {
                LOG.warn("audit trail: {} entries dropped so far, the buffer of {} is full (database down?);"
                        + " they are still in the audit log lines", total, queue.size());
            }
        }
    }

    /** Entries not stored because the buffer was full or the database refused them. */
    public long dropped() {
        return dropped.get();
    }

    public long stored() {
        return stored.get();
    }

    /** Entries waiting for the database. */
    public int waiting() {
        return queue.size();
    }

    /** Stores what is queued, giving up after {@code drainTimeout} if the database stays down. */
    public void close(Duration drainTimeout) throws InterruptedException {
        closeDeadline = nanos.getAsLong() + drainTimeout.toNanos();
        closing = true;
        writer.join(drainTimeout.plusSeconds(1).toMillis());
        writer.interrupt(); // a writer still inside a database call gives up there: the stop must not hang
        writer.join(1000);
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(5));
    }

    private void writeUntilClosed() {
        List<AuditEntry> batch = new ArrayList<>(batchSize);
        int failures = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    AuditEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                if (write(batch, failures)) {
                    if (failures > 0) {
                        LOG.info("audit trail: database back, storing the {} entries that waited", queue.size() + batch.size());
                    }
                    batch.clear();
                    failures = 0;
                } else if (closing && nanos.getAsLong() - closeDeadline >= 0) {
                    LOG.warn("audit trail: stopping with {} entries not stored (database down); they are in the"
                            + " audit log lines", batch.size() + queue.size());
                    return;
                } else {
                    long wait = RETRY.delay(++failures).toNanos();
                    long left = closeDeadline - nanos.getAsLong(); // a stop never waits past its deadline
                    TimeUnit.NANOSECONDS.sleep(closing ? Math.min(wait, Math.max(0, left)) : wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the batch is done with (stored, or refused as data); false to retry it. */
    private boolean write(List<AuditEntry> batch, int failures) {
        try {
            archive.append(batch);
            stored.addAndGet(batch.size());
            return true;
        } catch (StoreUnavailableException e) {
            if (failures == 0) {
                LOG.warn("audit trail: database unavailable, {} entries wait (buffer of {}): {}", batch.size() + queue.size(),
                        queue.size() + queue.remainingCapacity(), e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            LOG.error("audit trail: the database refused {} entries, not stored (they are in the audit log lines): {}",
                    batch.size(), e.toString());
            return true;
        }
    }
}
