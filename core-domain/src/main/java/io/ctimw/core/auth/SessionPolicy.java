package io.ctimw.core.auth;

import java.time.Duration;
import java.util.Objects;

/** How long sessions live: idle timeout, absolute lifetime, and how often "last seen" is persisted. */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval) {
    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < idleTimeout <= absoluteTimeout");
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("touchInterval must be shorter than idleTimeout");
        }
    }
}
