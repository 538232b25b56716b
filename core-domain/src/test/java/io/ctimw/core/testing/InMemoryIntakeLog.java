package io.ctimw.core.testing;

import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.port.out.IntakeLog;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link IntakeLog} in memory whose records a test can carry over to the "next process"
 * ({@link #afterCrash}), and whose disk a test can fill ({@link #setFull}).
 */
public final class InMemoryIntakeLog implements IntakeLog {
    private final TreeMap<Long, PendingEvent> records;
    private final AtomicLong unlogged = new AtomicLong();
    private long last;
    private volatile boolean full;

    public InMemoryIntakeLog() {
        this(new TreeMap<>(), 0);
    }

    private InMemoryIntakeLog(TreeMap<Long, PendingEvent> records, long last) {
        this.records = records;
        this.last = last;
    }

    /** What a process started after this one was killed finds: the records, nothing of the memory. */
    public synchronized InMemoryIntakeLog afterCrash() {
        return new InMemoryIntakeLog(new TreeMap<>(records), last);
    }

    /** While full, appends are counted as unlogged and not recorded. */
    public void setFull(boolean full) {
        this.full = full;
    }

    /** Records kept (appended and not yet reported stored). */
    public synchronized int retained() {
        return records.size();
    }

    @Override
    public synchronized long append(PendingEvent event) {
        long seq = ++last;
        if (full) {
            unlogged.incrementAndGet();
        } else {
            records.put(seq, event.withIntakeSeq(seq));
        }
        return seq;
    }

    @Override
    public synchronized void storedThrough(long seq) {
        records.headMap(seq, true).clear();
        last = Math.max(last, seq);
    }

    @Override
    public synchronized List<PendingEvent> unstoredAfter(long seq) {
        return List.copyOf(records.tailMap(seq, false).values());
    }

    @Override
    public long unlogged() {
        return unlogged.get();
    }

    @Override
    public void close() {
    }
}
