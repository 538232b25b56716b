package io.ctimw.bench.scenario;

import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.Logins;
import io.ctimw.bench.env.CpuMeter;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.report.ScenarioResult;
import io.ctimw.bench.stats.Fmt;
import io.ctimw.bench.stats.RateSteps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario 1: N agents long-polling, the simulator emitting at a rising rate; the figure is the highest
 * rate with every event delivered and p99 under 50 ms, plus the latency at the fixed rates.
 */
public final class ThroughputScenario implements Scenario {
    private static final double P99_LIMIT_MS = 50;
    private static final int TARGET_RATE = 5000;
    private static final List<Integer> FIXED = List.of(1000, 5000);

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String name() {
        return "Event throughput and latency";
    }

    @Override
    public String target() {
        return Fmt.count(TARGET_RATE) + " events/s with 1,000 agents (all delivered, p99 < 50 ms)";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int n = ctx.options().throughputAgents();
        ensureLoggedIn(ctx, n);
        List<Agent> agents = ctx.agents().subList(0, n);
        List<String> logins = BenchContext.loginsOf(agents);
        ctx.fleet().add(agents);
        Waits.until(() -> ctx.fleet().open() >= n, 10_000);
        Waits.fleetSettled(ctx.fleet(), 20_000);
        long warm = ctx.options().warmupMillis();
        long measure = ctx.options().stepMillis() - warm;
        // Warm-up of the whole path, not measured: on 2 shared cores the JIT compilers of both JVMs need
        // tens of seconds of this traffic before the code is compiled.
        LoadStep.run(ctx, logins, 2 * FIXED.get(0), 0, ctx.options().warmupMillis() * 5, 3000);

        RateSteps search = new RateSteps(ctx.options().rates());
        Map<Integer, LoadStep.Result> steps = new LinkedHashMap<>();
        while (search.hasNext()) {
            int rate = search.next();
            LoadStep.Result r = LoadStep.run(ctx, logins, rate, warm, measure, 5000);
            steps.put(rate, r);
            search.report(passes(r));
            System.out.printf(Locale.ROOT, "  step %,d ev/s: sent %,d delivered %,d, %s%n", rate, r.sent(),
                    r.delivered(), r.latency().describe());
        }
        for (int rate : FIXED) {
            if (!steps.containsKey(rate)) {
                Thread.sleep(3000); // let a failed step's backlog clear first
                steps.put(rate, LoadStep.run(ctx, logins, rate, warm, measure, 5000));
            }
        }
        int best = search.highestPassed();
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "%d agents, each with " + (ctx.options().streams()
                ? "one event stream (`GET /api/v1/events/stream`), reopened from its last id if it ends. "
                : "one long-poll (`wait=30`) re-polled on every answer. ")
                + "Rising rates in steps of %.0f s (%.0f s warm-up + %.0f s measured, then up to 5 s for stragglers) after a 10 s warm-up at 2,000 ev/s, "
                + "stopping at the first step that loses an event or has p99 >= %.0f ms: short steps keep the whole "
                + "run within 5 minutes, so a rate is 'sustained' for ~10 s, not for hours. Latency = agent receive "
                + "time − `params.simSentAtMicros` (same clock). One run per step.", n,
                ctx.options().stepMillis() / 1000.0, warm / 1000.0, measure / 1000.0, P99_LIMIT_MS));
        details.add("");
        details.add("| rate ev/s | sent | delivered | achieved ev/s | p50 ms | p99 ms | max ms | poll errors | passes "
                + "| p99 sim→middleware / middleware→agent ms | middleware GC | CPU while measured |");
        details.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        steps.forEach((rate, r) -> details.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %s | %s / %s | %s | %s |",
                Fmt.count(rate), Fmt.count(r.sent()), Fmt.count(r.delivered()), Fmt.count(r.achievedRate()),
                Fmt.ms(r.latency().p50Ms()), Fmt.ms(r.latency().p99Ms()), Fmt.ms(r.latency().maxMs()), r.errors(),
                passes(r) ? "yes" : "no", Fmt.ms(r.ingest().p99Ms()), Fmt.ms(r.delivery().p99Ms()),
                r.gc().describe(), CpuMeter.describe(r.cpu()))));
        if (search.exhausted()) {
            details.add("");
            details.add("Every tested rate passed: the ceiling is above the highest rate tried.");
        }
        String measured = (search.exhausted() ? ">= " : "") + Fmt.count(best) + " ev/s; at 1,000: "
                + steps.get(1000).latency().describe() + "; at 5,000: " + steps.get(5000).latency().describe();
        return new ScenarioResult(number(), name(), "highest rate sustained (" + n + " agents)", target(), measured,
                Outcome.of(best >= TARGET_RATE && n >= 1000), details);
    }

    static boolean passes(LoadStep.Result r) {
        return r.allDelivered() && r.latency().p99Ms() < P99_LIMIT_MS;
    }

    static void ensureLoggedIn(BenchContext ctx, int n) throws InterruptedException {
        int have = ctx.agents().size();
        if (have < n) {
            ctx.addAgents(Logins.loginAll(ctx.http(), ctx.allLogins().subList(have, n), BenchContext.PASSWORD));
        }
    }
}
