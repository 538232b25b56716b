package io.ctimw.core.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A counter of the daily statistics: {@code calls} requests of {@code login} (null: no session) to
 * {@code method} ({@link ApiRequest#apiMethod()}) answered {@code status}, in the UTC hour starting at {@code hour}.
 * As an increment, what one batch adds; as a read, a sum (login or method null when not asked for).
 */
public record RequestCount(Instant hour, Login login, String method, int status, long calls) {
    public RequestCount {
        Objects.requireNonNull(hour, "hour");
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new IllegalArgumentException("hour must start a UTC hour, got " + hour);
        }
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative");
        }
    }
}
