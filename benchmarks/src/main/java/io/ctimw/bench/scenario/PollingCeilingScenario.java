package io.ctimw.bench.scenario;

import io.ctimw.bench.client.Agent;
import io.ctimw.bench.client.RawHttpLoop;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.report.ScenarioResult;
import io.ctimw.bench.stats.Fmt;
import io.ctimw.bench.stats.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 4: requests per second of an authenticated {@code GET /api/v1/events?wait=0} with nothing
 * new, next to {@code GET /health} on the same server, alternating in the same run; the ratio is the
 * figure, repeated to show its spread.
 */
public final class PollingCeilingScenario implements Scenario {
    private static final double TARGET = 0.5;

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String name() {
        return "Polling ceiling";
    }

    @Override
    public String target() {
        return "events/health >= " + TARGET;
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int connections = ctx.options().pollConnections();
        long millis = ctx.options().ceilingMillis();
        RawHttpLoop loop = new RawHttpLoop(ctx.middleware().port());
        List<String> events = new ArrayList<>();
        List<String> health = new ArrayList<>();
        for (Agent agent : ctx.agents().subList(0, connections)) {
            events.add(loop.get("/api/v1/events?wait=0", agent.token()));
            health.add(loop.get("/health", null));
        }
        // Warm-up: JIT, and each agent's pending attach events are fetched so later polls find nothing new.
        loop.run(health, 2000, 200, 200);
        loop.run(events, 2000, 200, 204);

        List<Double> eventRates = new ArrayList<>();
        List<Double> healthRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        long failures = 0;
        for (int i = 0; i < ctx.options().repeats(); i++) {
            RawHttpLoop.Result h = loop.run(health, millis, 200, 200);
            RawHttpLoop.Result e = loop.run(events, millis, 204, 204);
            failures += h.failed() + e.failed();
            healthRates.add(h.perSecond());
            eventRates.add(e.perSecond());
            ratios.add(e.perSecond() / h.perSecond());
        }
        Spread ratio = Spread.of(ratios);
        Spread ev = Spread.of(eventRates);
        Spread he = Spread.of(healthRates);
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "%d keep-alive connections (one agent each for events), closed loop, "
                + "%d alternating runs of %.0f s each after a 4 s warm-up; median (min, max).", connections,
                ctx.options().repeats(), millis / 1000.0));
        details.add("");
        details.add("| endpoint | requests/s |");
        details.add("|---|---|");
        details.add("| `GET /health` | " + he.describe(Fmt::count) + " |");
        details.add("| `GET /api/v1/events?wait=0` (authenticated, nothing new: 204) | " + ev.describe(Fmt::count) + " |");
        details.add("| ratio events/health | " + ratio.describe(Fmt::ratio) + " |");
        details.add("");
        details.add("Unexpected statuses or I/O errors: " + failures + ".");
        return new ScenarioResult(number(), name(), "events poll req/s ÷ health req/s", target(),
                Fmt.ratio(ratio.median()) + " (" + Fmt.count(ev.median()) + " vs " + Fmt.count(he.median()) + " req/s)",
                Outcome.of(ratio.median() >= TARGET && failures == 0), details);
    }
}
