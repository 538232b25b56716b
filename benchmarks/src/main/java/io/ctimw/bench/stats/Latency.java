package io.ctimw.bench.stats;

import org.HdrHistogram.Histogram;

/** A latency distribution summarised in milliseconds: what the report prints for one measurement. */
public record Latency(long count, double p50Ms, double p99Ms, double maxMs) {
    /** Empty: nothing was measured. */
    public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN);

    /** From a histogram recorded in microseconds. */
    public static Latency ofMicros(Histogram h) {
        if (h.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** "p50 1.2 / p99 8.0 / max 31 ms" */
    public String describe() {
        if (count == 0) {
            return "no samples";
        }
        return "p50 " + Fmt.ms(p50Ms) + " / p99 " + Fmt.ms(p99Ms) + " / max " + Fmt.ms(maxMs) + " ms";
    }
}
