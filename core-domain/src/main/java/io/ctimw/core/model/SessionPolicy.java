package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live (idle timeout, absolute lifetime), how often "last seen" is persisted, and
 * how many password checks may run at once.
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval,
                            int maxConcurrentLogins) {
    public static final int DEFAULT_MAX_CONCURRENT_LOGINS = 4;

    /** Lifetimes with the default bound on concurrent password checks. */
    public SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval) {
        this(idleTimeout, absoluteTimeout, touchInterval, DEFAULT_MAX_CONCURRENT_LOGINS);
    }

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < idleTimeout <= absoluteTimeout");
        }
        if (maxConcurrentLogins < 1) {
            throw new IllegalArgumentException("maxConcurrentLogins must be at least 1");
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("touchInterval must be shorter than idleTimeout");
        }
    }
}
