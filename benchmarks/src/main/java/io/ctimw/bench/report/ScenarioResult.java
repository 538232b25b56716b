package io.ctimw.bench.report;

import java.util.List;
import java.util.Objects;

/**
 * One row of the summary table plus the detail lines printed under it.
 *
 * @param figure   what is measured, e.g. "highest rate with all delivered and p99 < 50 ms"
 * @param measured the headline value as printed
 * @param details  markdown lines (sub-tables, notes, what bounds a missed target)
 */
public record ScenarioResult(int number, String name, String figure, String target, String measured,
                             Outcome outcome, List<String> details) {
    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        details = List.copyOf(details);
    }

    /** A scenario that threw: the row says so and the details carry the error. */
    public static ScenarioResult failed(int number, String name, String target, Throwable error) {
        return new ScenarioResult(number, name, "-", target, "error: " + error.getClass().getSimpleName(),
                Outcome.FAILED, List.of("The scenario failed: `" + String.valueOf(error.getMessage()).replace('\n', ' ') + "`"));
    }
}
