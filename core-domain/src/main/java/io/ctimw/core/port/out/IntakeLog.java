package io.ctimw.core.port.out;

import io.ctimw.core.model.PendingEvent;
import java.util.List;

/**
 * Crash-safe record of received events: what {@link #append} returned for survives the death of the
 * process (SIGKILL, the OOM killer) until {@link #storedThrough} says the store has it. The CTI never
 * sends an event twice, so this is the only copy between the socket and the database's commit.
 */
public interface IntakeLog extends AutoCloseable {
    /**
     * Records {@code event} and returns its intake sequence: strictly greater than every sequence
     * returned before and than any given to {@link #storedThrough}. Called on the CTI reader thread:
     * it must not wait on the disk, and never throws because of it (a disk that fails is logged once and
     * the event is kept in memory only, counted by {@link #unlogged}).
     */
    long append(PendingEvent event);

    /** Every event up to {@code seq} is committed in the store (or quarantined): its space may be reclaimed. */
    void storedThrough(long seq);

    /** The logged events with a sequence greater than {@code seq}, in sequence order, each with its sequence. */
    List<PendingEvent> unstoredAfter(long seq);

    /** Events appended since start that could not be recorded durably (their copy is in memory only). */
    long unlogged();

    @Override
    void close();

    /** No log at all (the operator turned it off): sequences are counted, nothing survives a crash. */
    static IntakeLog none() {
        return new IntakeLog() {
            private final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public long append(PendingEvent event) {
                return last.incrementAndGet();
            }

            @Override
            public void storedThrough(long seq) {
                last.accumulateAndGet(seq, Math::max);
            }

            @Override
            public List<PendingEvent> unstoredAfter(long seq) {
                return List.of();
            }

            @Override
            public long unlogged() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }
}
