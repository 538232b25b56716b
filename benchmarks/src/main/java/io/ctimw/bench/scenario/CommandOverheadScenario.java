package io.ctimw.bench.scenario;

import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.OpenLoopPacer;
import io.ctimw.bench.client.RawCtiClient;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.report.ScenarioResult;
import io.ctimw.bench.stats.Fmt;
import io.ctimw.bench.stats.Latency;
import io.ctimw.bench.stats.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: {@code POST /api/v1/control} (GetUserState) round trips at a fixed rate, while a raw
 * WebSocket client sends the same command straight to the simulator at the same rate; the overhead is
 * the difference of the two distributions' percentiles.
 */
public final class CommandOverheadScenario implements Scenario {
    private static final double TARGET_MS = 5;
    private static final String WS_COMMAND = "{\"name\":\"GetUserState\",\"login\":\"" + BenchContext.RAW_WS_LOGIN
            + "\",\"rid\":\"%s\"}";
    private static final String HTTP_COMMAND = "{\"name\":\"GetUserState\"}";

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String name() {
        return "Command overhead";
    }

    @Override
    public String target() {
        return "p99 overhead < " + Fmt.ms(TARGET_MS) + " ms";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int rate = ctx.options().commandRate();
        List<Agent> agents = ctx.agents().subList(0, Math.min(100, ctx.agents().size()));
        LatencyRecorder viaHttp = new LatencyRecorder();
        LatencyRecorder direct = new LatencyRecorder();
        AtomicLong httpErrors = new AtomicLong();
        AtomicLong wsErrors = new AtomicLong();
        try (RawCtiClient raw = new RawCtiClient(ctx.sim().url())) {
            raw.attach(BenchContext.RAW_WS_LOGIN);
            runBoth(ctx, agents, raw, rate, ctx.options().warmupMillis(), viaHttp, direct, httpErrors, wsErrors);
            viaHttp.reset();
            direct.reset();
            httpErrors.set(0);
            wsErrors.set(0);
            runBoth(ctx, agents, raw, rate, ctx.options().commandMillis(), viaHttp, direct, httpErrors, wsErrors);
            Thread.sleep(500); // the last answers
        }
        Latency h = Latency.ofMicros(viaHttp.snapshot());
        Latency w = Latency.ofMicros(direct.snapshot());
        double p50 = h.p50Ms() - w.p50Ms();
        double p99 = h.p99Ms() - w.p99Ms();
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "GetUserState at %d/s through the middleware (round-robin over %d agents) "
                + "and, at the same time, %d/s on a raw WebSocket to the simulator; %.0f s measured after a %.0f s warm-up. "
                + "Open loop: sends never wait for answers.", rate, agents.size(), rate,
                ctx.options().commandMillis() / 1000.0, ctx.options().warmupMillis() / 1000.0));
        details.add("");
        details.add("| path | samples | p50 ms | p99 ms | max ms | errors |");
        details.add("|---|---|---|---|---|---|");
        details.add(row("HTTP `POST /api/v1/control`", h, httpErrors.get()));
        details.add(row("raw WebSocket to the simulator", w, wsErrors.get()));
        details.add("| **overhead (HTTP − raw)** | | " + Fmt.ms(p50) + " | " + Fmt.ms(p99) + " | | |");
        boolean met = p99 < TARGET_MS && httpErrors.get() == 0;
        return new ScenarioResult(number(), name(), "p99 of control round trip − p99 of raw CTI round trip",
                target(), Fmt.ms(p99) + " ms (p50 " + Fmt.ms(p50) + " ms)", Outcome.of(met), details);
    }

    private static String row(String path, Latency l, long errors) {
        return "| " + path + " | " + Fmt.count(l.count()) + " | " + Fmt.ms(l.p50Ms()) + " | " + Fmt.ms(l.p99Ms())
                + " | " + Fmt.ms(l.maxMs()) + " | " + errors + " |";
    }

    private static void runBoth(BenchContext ctx, List<Agent> agents, RawCtiClient raw, int rate, long millis,
                                LatencyRecorder viaHttp, LatencyRecorder direct, AtomicLong httpErrors,
                                AtomicLong wsErrors) throws InterruptedException {
        Thread ws = new Thread(() -> OpenLoopPacer.run(rate, millis, n -> {
            long start = System.nanoTime();
            raw.send(WS_COMMAND).whenComplete((reply, e) -> {
                if (e != null || !reply.contains("\"UserState\"")) {
                    wsErrors.incrementAndGet();
                } else {
                    direct.recordMicros((System.nanoTime() - start) / 1000);
                }
            });
        }), "ws-pacer");
        ws.start();
        OpenLoopPacer.run(rate, millis, n -> {
            Agent agent = agents.get((int) (n % agents.size()));
            long start = System.nanoTime();
            ctx.http().control(agent.token(), HTTP_COMMAND).whenComplete((response, e) -> {
                if (e != null || response.statusCode() != 200) {
                    httpErrors.incrementAndGet();
                } else {
                    viaHttp.recordMicros((System.nanoTime() - start) / 1000);
                }
            });
        });
        ws.join();
    }
}
