package io.ctimw.bench.chaos;

import io.ctimw.bench.env.MachineInfo;
import io.ctimw.bench.env.Workspace;
import io.ctimw.bench.report.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs probes one after the other in one temp folder and collects their rows; stops everything it started. */
public final class ChaosRun {
    private final Path middlewareJar;
    private final Path simulatorJar;

    public ChaosRun(Path middlewareJar, Path simulatorJar) {
        this.middlewareJar = middlewareJar;
        this.simulatorJar = simulatorJar;
    }

    /** Runs the probes; a probe that throws becomes a "run failed" row and the next one still runs. */
    public List<ProbeResult> run(List<Probe> probes) {
        for (Path jar : List.of(middlewareJar, simulatorJar)) {
            if (!Files.isReadable(jar)) {
                throw new IllegalStateException("no jar at " + jar + " (build it first)");
            }
        }
        List<ProbeResult> results = new ArrayList<>();
        try (Workspace ws = Workspace.create();
             ChaosContext ctx = new ChaosContext(middlewareJar.toAbsolutePath(), simulatorJar.toAbsolutePath(), ws.root())) {
            for (Probe probe : probes) {
                if (!probe.usesSharedStack()) {
                    ctx.releaseShared();
                }
                log("probe: %s (load average %s)", probe.name(), MachineInfo.loadAverage());
                long start = System.nanoTime();
                ProbeResult r = runOne(probe, ctx);
                log("  -> %s [%s] in %d s; %s", r.figures(), r.outcome().label(), (System.nanoTime() - start) / 1_000_000_000L,
                        r.sortedCounts());
                results.add(r);
            }
        }
        return results;
    }

    /** Runs, writes the report and returns the exit code (1 if a probe could not run). */
    int runAndReport(List<Probe> probes, Path out, String label) throws Exception {
        MachineInfo machine = MachineInfo.current();
        String loadBefore = MachineInfo.loadAverage();
        Instant started = Instant.now();
        List<ProbeResult> results = run(probes);
        Files.writeString(out, ChaosReport.render(label, machine, started, Duration.between(started, Instant.now()),
                loadBefore, MachineInfo.loadAverage(), results));
        System.out.println();
        System.out.print(ChaosReport.table(results));
        log("report written to %s", out);
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? 1 : 0;
    }

    private static ProbeResult runOne(Probe probe, ChaosContext ctx) {
        try {
            return probe.run(ctx);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            return ProbeResult.failed(probe.name(), "-", e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[cti-chaos] " + format + "%n", args);
    }
}
