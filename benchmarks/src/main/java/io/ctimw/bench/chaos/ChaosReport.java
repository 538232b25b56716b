package io.ctimw.bench.chaos;

import io.ctimw.bench.env.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders RELIABILITY.md: the circumstances, the one table, then each probe's details. */
public final class ChaosReport {
    private ChaosReport() {
    }

    /** The table alone (also what the console prints). */
    public static String table(List<ProbeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| # | Probe | What was tried | Figure(s) | Target | Met |\n");
        out.append("|---|---|---|---|---|---|\n");
        int n = 1;
        for (ProbeResult r : results) {
            out.append("| ").append(n++).append(" | ").append(cell(r.probe())).append(" | ").append(cell(r.tried()))
                    .append(" | ").append(cell(r.figures())).append(" | ").append(cell(r.target())).append(" | ")
                    .append(r.outcome().label()).append(" |\n");
        }
        return out.toString();
    }

    public static String render(String label, MachineInfo machine, Instant started, Duration took, String loadBefore,
                                String loadAfter, List<ProbeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Reliability").append(label.isBlank() ? "" : " (" + label + ")").append("\n\n");
        out.append("Measured by `scripts/chaos.sh` (driver: `io.ctimw.bench.chaos`, see `benchmarks/README.md`) against "
                + "the real middleware jar with its embedded PostgreSQL and the CTI simulator, all on this one machine. "
                + "Each probe that breaks something gets a fresh middleware and database.\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| Machine | ").append(machine.cores()).append(" cores (").append(cell(machine.cpuModel())).append("), ")
                .append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / 1073741824.0)).append(" memory, ")
                .append(cell(machine.os())).append(" |\n");
        out.append("| JDK | ").append(cell(machine.jdk())).append(" |\n");
        out.append("| Run | ").append(started).append(", took ").append(took.toSeconds()).append(" s |\n");
        out.append("| Load average (1/5/15 min) | before ").append(loadBefore).append(", after ").append(loadAfter).append(" |\n\n");
        out.append("The driver, the middleware, PostgreSQL and the simulator share the same cores, and other jobs may run "
                + "at the same time (see the load averages): latencies and recovery times are floors of what the "
                + "middleware does on a machine of its own. Leaks and 500s do not depend on the machine's speed; lost "
                + "events can (a kill loses the backlog of that moment).\n\n");
        out.append("## Summary\n\n").append(table(results)).append('\n');
        int n = 1;
        for (ProbeResult r : results) {
            out.append("## ").append(n++).append(". ").append(r.probe()).append("\n\n");
            r.details().forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }
}
