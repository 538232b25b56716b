package io.ctimw.adapters.ctiws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Capped, jittered exponential retry delays: min * 2^failures, jittered by +/-20% so that many
 * middleware instances do not hammer a restarted CTI server in lockstep, always within [min, max].
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
        double base = minMillis * Math.pow(2, Math.min(failures, 40));
        double jittered = base * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return Math.max(minMillis, Math.min(maxMillis, Math.round(jittered)));
    }
}
