package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next retry: doubling from {@code initial} up to {@code max}, with
 * "equal jitter" (half fixed, half random) so many retriers that failed together do not retry in
 * step. Pure arithmetic: the random source is injected and no clock is read.
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier random) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        long ceiling = max.toMillis();
        long base = initial.toMillis();
        for (int i = 1; i < attempt && base < ceiling; i++) {
            base *= 2;
        }
        base = Math.min(base, ceiling);
        double r = random.getAsDouble();
        if (r < 0 || r >= 1) {
            throw new IllegalStateException("random source must give values in [0, 1): " + r);
        }
        long half = base / 2;
        return Duration.ofMillis(base - half + (long) (half * r));
    }
}
