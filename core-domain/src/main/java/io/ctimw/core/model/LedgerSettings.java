package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The command ledger's tunables: how long an idempotency key holds ({@code window}), how long entries are
 * kept ({@code retention}, at least the window), how long a retry waits for an attempt still in flight
 * ({@code inFlightWait}: the CTI's reply timeout and a margin) and how often it looks.
 */
public record LedgerSettings(Duration window, Duration retention, Duration inFlightWait, Duration pollInterval) {
    public static final LedgerSettings DEFAULT = new LedgerSettings(Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofSeconds(7), Duration.ofMillis(50));

    public LedgerSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(inFlightWait, "inFlightWait");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (window.isNegative() || window.isZero() || retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("the ledger's retention must be at least its idempotency window (> 0)");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
    }
}
