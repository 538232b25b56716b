package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * When failed logins lock a login or a client address (OWASP ASVS V2.2): {@code maxFailures} of one
 * login, or {@code maxFailuresPerAddress} from one address across logins, within {@code window} of
 * the first failure. The first lock lasts {@code window}; each failure right after a lock doubles it.
 */
public record ThrottlePolicy(int maxFailures, int maxFailuresPerAddress, Duration window) {
    public static final int MAX_COUNT = 100_000;
    public static final Duration MIN_WINDOW = Duration.ofSeconds(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(1);
    /** Locks double at most this many times: 16 windows (4 h at the default 15 min). */
    public static final int MAX_DOUBLINGS = 4;

    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, 20, Duration.ofMinutes(15));

    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        if (maxFailures < 1 || maxFailures > MAX_COUNT || maxFailuresPerAddress < 1 || maxFailuresPerAddress > MAX_COUNT) {
            throw new IllegalArgumentException("failure limits must be between 1 and " + MAX_COUNT);
        }
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("the window must be between 1s and 1d");
        }
    }

    /** How long the {@code strike}-th lock in a row lasts (1 = the first). */
    public Duration lockFor(int strike) {
        return window.multipliedBy(1L << Math.min(Math.max(strike, 1) - 1, MAX_DOUBLINGS));
    }
}
