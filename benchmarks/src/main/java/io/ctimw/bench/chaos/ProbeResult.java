package io.ctimw.bench.chaos;

import io.ctimw.bench.report.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of RELIABILITY.md plus the details printed under the table.
 *
 * @param counts the figures by name ({@code leaks}, {@code status500}, {@code lost}, {@code duplicated}, ...)
 *               for the verify-time test to assert on
 */
public record ProbeResult(String probe, String tried, String figures, String target, Outcome outcome,
                          Map<String, Long> counts, List<String> details) {
    public ProbeResult {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(outcome, "outcome");
        counts = Map.copyOf(counts);
        details = List.copyOf(details);
    }

    /** A probe that threw: the row says so and the details carry the error. */
    public static ProbeResult failed(String probe, String target, Throwable error) {
        return new ProbeResult(probe, "-", "error: " + error, target, Outcome.FAILED, Map.of(),
                List.of("The probe failed: `" + String.valueOf(error).replace('\n', ' ') + "`"));
    }

    /** A named figure, or -1 when this probe does not measure it. */
    public long count(String name) {
        return counts.getOrDefault(name, -1L);
    }

    /** The counts in name order (for the console). */
    public Map<String, Long> sortedCounts() {
        return new TreeMap<>(counts);
    }
}
