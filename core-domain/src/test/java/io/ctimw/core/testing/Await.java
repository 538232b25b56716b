package io.ctimw.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread will make true; fails the test with a message if it does not. */
public final class Await {
    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration timeout, String failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " (waited " + timeout.toMillis() + " ms)");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + failure, e);
            }
        }
    }
}
