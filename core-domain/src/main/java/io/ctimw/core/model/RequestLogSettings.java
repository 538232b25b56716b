package io.ctimw.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The request log's tunables. The retentions are read at each housekeeping round, so a live setting may
 * change them.
 *
 * @param enabled         false: nothing is logged nor counted (the admin reads still answer from the store)
 * @param queueCapacity   lines waiting for the writer; beyond it requests are not logged (counted, WARN)
 * @param batchSize       most lines written in one transaction
 * @param retention       how long log lines are kept
 * @param countsRetention how long the hourly counters of the daily statistics are kept
 */
public record RequestLogSettings(boolean enabled, int queueCapacity, int batchSize, Supplier<Duration> retention,
                                 Supplier<Duration> countsRetention) {
    public RequestLogSettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(countsRetention, "countsRetention");
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queueCapacity and batchSize must be positive");
        }
    }

    /** On, 50,000 lines of queue, batches of 1,000, lines kept 30 days and counters 400 days. */
    public static RequestLogSettings defaults() {
        return new RequestLogSettings(true, 50_000, 1_000, () -> Duration.ofDays(30), () -> Duration.ofDays(400));
    }

    /** Nothing logged. */
    public static RequestLogSettings off() {
        return new RequestLogSettings(false, 1, 1, () -> Duration.ofDays(30), () -> Duration.ofDays(400));
    }
}
