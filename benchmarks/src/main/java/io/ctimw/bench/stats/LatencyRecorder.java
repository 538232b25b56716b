package io.ctimw.bench.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Thread-safe latency recording in microseconds (1 µs to 10 min, 3 significant digits) for many
 * writer threads; {@link #reset()} starts a measurement window, {@link #snapshot()} closes it.
 */
public final class LatencyRecorder {
    private static final long MAX_MICROS = 600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram window = new Histogram(MAX_MICROS, 3);

    /** Values below 1 µs count as 1 µs (clock granularity); above the range, as the maximum. */
    public void recordMicros(long micros) {
        recorder.recordValue(Math.max(1, Math.min(MAX_MICROS, micros)));
    }

    /** Drops everything recorded so far (e.g. the warm-up). */
    public synchronized void reset() {
        recorder.getIntervalHistogram();
        window.reset();
    }

    /** Everything recorded since the last reset. */
    public synchronized Histogram snapshot() {
        window.add(recorder.getIntervalHistogram());
        return window.copy();
    }
}
