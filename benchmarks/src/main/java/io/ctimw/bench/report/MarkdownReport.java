package io.ctimw.bench.report;

import io.ctimw.bench.stats.Fmt;
import java.util.List;
import java.util.Locale;

/** Renders BENCHMARKS.md: the machine, the summary table, then each scenario's details. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The summary table alone (also what the console prints). */
    public static String table(List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| # | Scenario | Figure | Target | Measured | Met |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            out.append("| ").append(r.number()).append(" | ").append(cell(r.name())).append(" | ")
                    .append(cell(r.figure())).append(" | ").append(cell(r.target())).append(" | ")
                    .append(cell(r.measured())).append(" | ").append(r.outcome().label()).append(" |\n");
        }
        return out.toString();
    }

    public static String render(RunInfo run, List<ScenarioResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Measured by `scripts/bench.sh` (see `benchmarks/README.md`) against the real middleware jar, "
                + "the CTI simulator as load source and an embedded PostgreSQL, all on this one machine.\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| Machine | ").append(run.machine().cores()).append(" cores (").append(cell(run.machine().cpuModel()))
                .append("), ").append(String.format(Locale.ROOT, "%.1f GiB", run.machine().memoryBytes() / 1073741824.0))
                .append(" memory, ").append(cell(run.machine().os())).append(" |\n");
        out.append("| JDK | ").append(cell(run.machine().jdk())).append(" |\n");
        out.append("| Run | ").append(run.startedAt()).append(", took ").append(run.took().toSeconds()).append(" s |\n");
        out.append("| Load average (1/5/15 min) | before ").append(run.loadBefore()).append(", after ")
                .append(run.loadAfter()).append(" |\n");
        out.append("| Middleware JVM | `").append(String.join(" ", run.middlewareFlags())).append("` |\n");
        out.append("| Driver JVM | `").append(run.driverFlags()).append("` |\n\n");
        out.append(run.notes()).append("\n\n");
        out.append("## Summary\n\n").append(table(results)).append('\n');
        for (ScenarioResult r : results) {
            out.append("## ").append(r.number()).append(". ").append(r.name()).append("\n\n");
            for (String line : r.details()) {
                out.append(line).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Pipes would end a table cell early. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    /** "1,234 ev/s" */
    public static String perSecond(double value, String unit) {
        return Fmt.count(value) + " " + unit + "/s";
    }
}
