package io.ctimw.adapters.ctiws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped, jittered exponential retry delays: min * 2^failures, never above max, each shortened by a
 * random 0-20%. The jitter is applied after the cap, so instances that have been retrying for a long
 * time still spread their probes instead of hammering a restarted CTI server in lockstep; and since it
 * only shortens, the cap is a hard bound on how late a returning CTI is noticed.
 */
final class Backoff {
    private static final double JITTER = 0.2;

    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    Backoff(Duration min, Duration max) {
        this(min, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} yields values in [0, 1); tests pass fixed ones. */
    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (0 = first retry). */
    long delayMillis(int failures) {
        double capped = Math.min(maxMillis, minMillis * Math.pow(2, Math.min(Math.max(failures, 0), 40)));
        return Math.max(1, Math.round(capped * (1 - JITTER * random.getAsDouble())));
    }
}
