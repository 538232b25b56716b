package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request for an agent's events: from {@code after} (or the session's own position when empty),
 * at most {@code limit}, waiting up to {@code maxWait} for something new.
 */
public record EventQuery(OptionalLong after, int limit, Duration maxWait) {
    public static final int MAX_LIMIT = 1000;
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    public EventQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(maxWait, "maxWait");
        if (after.isPresent() && after.getAsLong() < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("wait must be 0-" + MAX_WAIT.toSeconds() + " seconds");
        }
    }
}
