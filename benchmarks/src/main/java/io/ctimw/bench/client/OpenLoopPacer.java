package io.ctimw.bench.client;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Fires actions at a fixed average rate for a fixed time on the calling thread (open loop: the next
 * send never waits for an earlier answer). Each tick sends what is due by now, so a late tick catches up.
 */
public final class OpenLoopPacer {
    private static final long TICK_NANOS = 1_000_000;

    private OpenLoopPacer() {
    }

    /** Runs {@code action} with 0, 1, 2, ... at {@code perSecond} for {@code millis}; returns how many ran. */
    public static long run(double perSecond, long millis, LongConsumer action) {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long sent = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = due(now - start, perSecond);
            while (sent < due) {
                action.accept(sent++);
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
        return sent;
    }

    /** How many actions are due {@code elapsedNanos} after the start at {@code perSecond}. */
    static long due(long elapsedNanos, double perSecond) {
        return (long) Math.floor(elapsedNanos / 1e9 * perSecond);
    }
}
