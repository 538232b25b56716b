package io.ctimw.bench;

import io.ctimw.bench.client.Logins;
import io.ctimw.bench.client.MiddlewareHttp;
import io.ctimw.bench.client.AgentFleet;
import io.ctimw.bench.client.PollerFleet;
import io.ctimw.bench.client.StreamFleet;
import io.ctimw.bench.env.BenchDatabase;
import io.ctimw.bench.env.MachineInfo;
import io.ctimw.bench.env.MiddlewareProcess;
import io.ctimw.bench.env.Workspace;
import io.ctimw.bench.report.MarkdownReport;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.report.RunInfo;
import io.ctimw.bench.report.ScenarioResult;
import io.ctimw.bench.scenario.BenchContext;
import io.ctimw.bench.scenario.CommandOverheadScenario;
import io.ctimw.bench.scenario.ConcurrentAgentsScenario;
import io.ctimw.bench.scenario.PollingCeilingScenario;
import io.ctimw.bench.scenario.Scenario;
import io.ctimw.bench.scenario.StorageCeilingScenario;
import io.ctimw.bench.scenario.ThroughputScenario;
import io.ctimw.simulator.CtiSimulator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One benchmark run: sets up PostgreSQL, the simulator and the middleware process, runs the scenarios
 * (4, 3, 1, 2, 5: the cheap ceilings first, storage last because it floods the table), writes the report
 * and tears everything down, also when a step fails.
 */
final class BenchRun {
    private static final List<Scenario> ORDER = List.of(new PollingCeilingScenario(), new CommandOverheadScenario(),
            new ThroughputScenario(), new ConcurrentAgentsScenario(), new StorageCeilingScenario());

    private final BenchOptions options;

    BenchRun(BenchOptions options) {
        this.options = options;
    }

    int run() throws Exception {
        if (!Files.isReadable(options.middlewareJar())) {
            throw new IllegalStateException("no middleware jar at " + options.middlewareJar() + " (build it first)");
        }
        MachineInfo machine = MachineInfo.current();
        String loadBefore = MachineInfo.loadAverage();
        Instant started = Instant.now();
        log("machine: %d cores, %d MiB, %s; load average %s", machine.cores(), machine.memoryBytes() >> 20,
                machine.jdk(), loadBefore);
        List<ScenarioResult> results = new ArrayList<>();
        ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-callbacks");
            t.setDaemon(true);
            return t;
        });
        List<String> logins = BenchContext.logins(options.agents());
        List<String> operators = new ArrayList<>(logins);
        operators.add(BenchContext.RAW_WS_LOGIN);
        try (Workspace ws = Workspace.create();
             BenchDatabase db = BenchDatabase.start(ws.resolve("postgres"));
             CtiSimulator sim = CtiSimulator.builder().operators(operators).build().start();
             MiddlewareProcess mw = MiddlewareProcess.start(options.middlewareJar(), ws, db, sim.url(),
                     options.requestLog())) {
            log("middleware pid %d on port %d, PostgreSQL %s, simulator %s", mw.pid(), mw.port(), db.jdbcUrl(), sim.url());
            db.seedUsers(logins, BenchContext.PASSWORD);
            MiddlewareHttp http = new MiddlewareHttp(mw.port(), callbacks);
            try (AgentFleet fleet = options.streams() ? new StreamFleet(http) : new PollerFleet(http)) {
                BenchContext ctx = new BenchContext(options, db, sim, mw, http, fleet, logins);
                int first = Math.max(options.throughputAgents(), Math.max(options.pollConnections(), 100));
                ctx.addAgents(Logins.loginAll(http, logins.subList(0, Math.min(first, logins.size())), BenchContext.PASSWORD));
                log("%d agents logged in", ctx.agents().size());
                for (Scenario s : ORDER) {
                    if (!options.runs(s.number())) {
                        continue;
                    }
                    if (!mw.alive()) {
                        results.add(ScenarioResult.failed(s.number(), s.name(), s.target(),
                                new IllegalStateException("the middleware process died; log:\n" + mw.logTail(20))));
                        continue;
                    }
                    log("scenario %d: %s (load average %s)", s.number(), s.name(), MachineInfo.loadAverage());
                    ScenarioResult r = runOne(s, ctx);
                    log("  -> %s [%s]", r.measured(), r.outcome());
                    results.add(r);
                }
                log("middleware log: %d WARN/ERROR lines", mw.warningLines());
            }
        } finally {
            callbacks.shutdownNow();
        }
        results.sort(Comparator.comparingInt(ScenarioResult::number));
        RunInfo info = new RunInfo(machine, started, Duration.between(started, Instant.now()), loadBefore,
                MachineInfo.loadAverage(), MiddlewareProcess.JVM_FLAGS,
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()), notes());
        String report = MarkdownReport.render(info, results);
        // What profiling found (thread dumps, heap histograms) is written by hand and kept next to the driver.
        java.nio.file.Path findings = java.nio.file.Path.of("benchmarks", "FINDINGS.md");
        if (Files.isReadable(findings)) {
            report += "\n" + Files.readString(findings);
        }
        Files.writeString(options.out(), report);
        System.out.println();
        System.out.print(MarkdownReport.table(results));
        System.out.println();
        log("report written to %s (took %d s)", options.out(), info.took().toSeconds());
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? 1 : 0;
    }

    private static ScenarioResult runOne(Scenario s, BenchContext ctx) {
        try {
            return s.run(ctx);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            return ScenarioResult.failed(s.number(), s.name(), s.target(), e);
        }
    }

    private static String notes() {
        return "Everything shares the same cores: the middleware JVM, PostgreSQL, and the driver JVM (the CTI "
                + "simulator emitting the load and every HTTP agent). A figure here is therefore a floor for what the "
                + "middleware does on a machine of its own; the CPU split per step says which part was busy. "
                + "Other engineers' builds may have run at the same time: see the load averages above.";
    }

    static void log(String format, Object... args) {
        System.out.printf("[cti-bench] " + format + "%n", args);
    }
}
