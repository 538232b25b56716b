package io.ctimw.bench.scenario;

import io.ctimw.bench.env.CpuMeter;
import io.ctimw.bench.env.MiddlewareProcess;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.report.ScenarioResult;
import io.ctimw.bench.stats.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 2: 10,000 agents logged in, each with a long-poll (or, with {@code --delivery stream}, an event
 * stream) open, 1,000 events/s spread over them;
 * the middleware's heap and RSS, p99 latency and every error the agents saw.
 */
public final class ConcurrentAgentsScenario implements Scenario {
    private static final long RSS_LIMIT = 1L << 30;
    private static final double P99_LIMIT_MS = 100;

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String name() {
        return "Concurrent agents";
    }

    @Override
    public String target() {
        return "p99 < 100 ms, RSS < 1 GiB, 0 errors";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        int n = ctx.options().agents();
        int rate = ctx.options().concurrentRate();
        int before = ctx.agents().size();
        long loginStart = System.nanoTime();
        ThroughputScenario.ensureLoggedIn(ctx, n);
        double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
        ctx.fleet().add(ctx.agents().subList(0, n)); // those of scenario 1 poll already
        boolean allOpen = Waits.until(() -> ctx.fleet().open() >= n, 30_000);
        double settle = Waits.fleetSettled(ctx.fleet(), 30_000);
        int openAtStart = ctx.fleet().open();
        long errorsBefore = ctx.fleet().errors();
        List<String> logins = BenchContext.loginsOf(ctx.agents().subList(0, n));
        LoadStep.Result r = LoadStep.run(ctx, logins, rate, ctx.options().warmupMillis() + 2000,
                ctx.options().concurrentMillis(), 5000);
        long pollErrors = ctx.fleet().errors() - errorsBefore;
        MiddlewareProcess mw = ctx.middleware();
        long rss = mw.rssBytes();
        HeapInfo heap = HeapInfo.parse(mw.heapInfo());
        int openAtEnd = ctx.fleet().open();
        long lost = r.sent() - r.delivered();
        long errors = pollErrors + lost + r.duplicates();

        String kind = ctx.options().streams() ? "open event streams" : "long-polls";
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "%s agents logged in (%s of them in this scenario, in %.1f s: %s logins/s through "
                + "`POST /api/v1/login`, bcrypt cost 4); " + kind + " open when the load started: %s%s, "
                + "after their first answers (the attach events since login) settled in %.1f s. %s events/s spread round-robin over all of them, %.0f s measured after a %.0f s warm-up.",
                Fmt.count(n), Fmt.count(n - before), loginSeconds, Fmt.count((n - before) / loginSeconds),
                Fmt.count(openAtStart), allOpen ? "" : " (not all)", settle, Fmt.count(rate),
                ctx.options().concurrentMillis() / 1000.0, (ctx.options().warmupMillis() + 2000) / 1000.0));
        details.add("");
        details.add("| figure | value |");
        details.add("|---|---|");
        details.add("| events sent / delivered / duplicated | " + Fmt.count(r.sent()) + " / " + Fmt.count(r.delivered())
                + " / " + r.duplicates() + " |");
        details.add("| latency | " + r.latency().describe() + " |");
        details.add("| poll errors (non-200/204 answers, I/O errors, timeouts) | " + pollErrors
                + (pollErrors > 0 ? " (last: `" + ctx.fleet().lastError().replace('\n', ' ') + "`)" : "") + " |");
        details.add("| p99 split: simulator→middleware (`_receivedAt`) / middleware→agent | " + Fmt.ms(r.ingest().p99Ms())
                + " / " + Fmt.ms(r.delivery().p99Ms()) + " ms |");
        details.add("| middleware GC while measured | " + r.gc().describe() + " |");
        details.add("| CPU while measured | " + CpuMeter.describe(r.cpu()) + " |");
        details.add("| " + kind + " open at the end | " + Fmt.count(openAtEnd) + " |");
        details.add("| middleware RSS (`/proc/" + mw.pid() + "/status` VmRSS) | " + Fmt.mib(rss) + " |");
        details.add("| middleware heap (`jcmd GC.heap_info`) | used " + Fmt.mib(heap.usedBytes()) + " of "
                + Fmt.mib(heap.committedBytes()) + " committed (`-Xmx512m`) |");
        boolean met = r.latency().p99Ms() < P99_LIMIT_MS && rss >= 0 && rss < RSS_LIMIT && errors == 0 && allOpen;
        String measured = "p99 " + Fmt.ms(r.latency().p99Ms()) + " ms, RSS " + Fmt.mib(rss) + ", heap used "
                + Fmt.mib(heap.usedBytes()) + ", errors " + errors;
        return new ScenarioResult(number(), name(), Fmt.count(n) + " " + kind + ", " + Fmt.count(rate) + " ev/s",
                target(), measured, Outcome.of(met), details);
    }
}
