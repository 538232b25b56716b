package io.ctimw.bench.scenario;

import io.ctimw.bench.env.BenchDatabase;
import io.ctimw.bench.report.Outcome;
import io.ctimw.bench.report.ScenarioResult;
import io.ctimw.bench.stats.Fmt;
import io.ctimw.bench.stats.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 5: events per second the middleware persists when the simulator floods it, next to the same
 * rows inserted straight into the same PostgreSQL with batched JDBC, alternating in the same run.
 */
public final class StorageCeilingScenario implements Scenario {
    private static final double TARGET = 0.5;
    private static final int BATCH = 500; // the middleware's default events.batch-size

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String name() {
        return "Storage ceiling";
    }

    @Override
    public String target() {
        return "middleware/direct >= " + TARGET;
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ctx.fleet().close(); // no re-polls: this scenario measures storage alone
        BenchDatabase db = ctx.db();
        List<String> logins = BenchContext.loginsOf(ctx.agents());
        ctx.sim().load().start(1000, logins); // a second of load, so a real stored payload can be copied
        Thread.sleep(1000);
        ctx.sim().load().stop();
        awaitQuiet(db);
        String payload = db.sampleLoadPayload();
        int offered = ctx.options().floodRate();
        long millis = ctx.options().ceilingMillis();
        List<Double> viaMw = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Long> sentCounts = new ArrayList<>();
        for (int i = 0; i < ctx.options().repeats(); i++) {
            ctx.sim().load().start(offered, logins);
            Thread.sleep(2000); // queues fill, woken polls of the previous scenario answer
            long c0 = db.maxCursor();
            long t0 = System.nanoTime();
            Thread.sleep(millis);
            long c1 = db.maxCursor();
            long t1 = System.nanoTime();
            sentCounts.add(ctx.sim().load().stop());
            double mw = (c1 - c0) / ((t1 - t0) / 1e9);
            awaitQuiet(db);
            double dj = DirectInsert.rowsPerSecond(db, logins, payload, BATCH, millis);
            viaMw.add(mw);
            direct.add(dj);
            ratios.add(mw / dj);
        }
        Spread m = Spread.of(viaMw);
        Spread d = Spread.of(direct);
        Spread ratio = Spread.of(ratios);
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "The simulator offers %s CallStatus events/s over %s attached logins; "
                + "the middleware's rate is rows committed to `events` per second (growth of the identity cursor) "
                + "over %.0f s after 2 s of fill. The baseline inserts the same payload (%d bytes) into the same table "
                + "from one JDBC connection, batches of %d, one commit per batch (`synchronous_commit = on`, as the "
                + "middleware runs), for %.0f s. %d alternating runs; median (min, max).",
                Fmt.count(offered), Fmt.count(logins.size()), millis / 1000.0, payload.length(), BATCH,
                millis / 1000.0, ctx.options().repeats()));
        details.add("");
        details.add("| path | rows/s |");
        details.add("|---|---|");
        details.add("| through the middleware (CTI WebSocket → journal → PostgreSQL) | " + m.describe(Fmt::count) + " |");
        details.add("| batched JDBC straight into PostgreSQL | " + d.describe(Fmt::count) + " |");
        details.add("| ratio | " + ratio.describe(Fmt::ratio) + " |");
        if (m.max() > offered * 0.9) {
            details.add("");
            details.add("The middleware kept up with the offered rate in at least one run: its ceiling may be higher.");
        }
        return new ScenarioResult(number(), name(), "persisted ev/s ÷ direct JDBC rows/s", target(),
                Fmt.ratio(ratio.median()) + " (" + Fmt.count(m.median()) + " vs " + Fmt.count(d.median()) + " rows/s)",
                Outcome.of(ratio.median() >= TARGET), details);
    }

    /** Waits until the middleware has stored its backlog (the cursor stops moving), at most 30 s. */
    private static void awaitQuiet(BenchDatabase db) throws Exception {
        long last = -1;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long now = db.maxCursor();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
    }
}
