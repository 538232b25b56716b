package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import io.ctimw.bench.chaos.env.EmbeddedPostgres;
import io.ctimw.bench.chaos.client.StatusCounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * SIGSTOP of every process of the embedded PostgreSQL (a VM pause, a storage stall) for a while, then
 * SIGCONT; meanwhile {@code /ready} is asked again and again, as a load balancer would.
 */
public final class DatabaseFreeze implements Fault {
    private static final long FROZEN_MS = 10_000;
    /** The driver's own bar (the brief names none): a readiness check must answer while the database does not. */
    private static final long READY_TARGET_MS = 2_000;

    @Override
    public String name() {
        return "database freeze";
    }

    @Override
    public String tried() {
        return "SIGSTOP of all embedded PostgreSQL processes for " + FROZEN_MS / 1000 + " s under load, then SIGCONT;"
                + " `/ready` asked throughout";
    }

    @Override
    public Recovery inflict(ChaosStack stack) throws Exception {
        EmbeddedPostgres pg = stack.middleware().postgres();
        ScheduledExecutorService thaw = Executors.newSingleThreadScheduledExecutor();
        StatusCounts statuses = new StatusCounts();
        long slowest = 0;
        try {
            pg.freeze(true);
            long start = System.nanoTime();
            var thawed = thaw.schedule(() -> pg.freeze(false), FROZEN_MS, TimeUnit.MILLISECONDS);
            while (!thawed.isDone()) {
                long t = System.nanoTime();
                statuses.add(stack.middleware().readyStatus(Duration.ofSeconds(30)));
                slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
                Thread.sleep(100);
            }
            thawed.get();
            stack.middleware().awaitReady(Duration.ofSeconds(60));
            long whole = (System.nanoTime() - start) / 1_000_000;
            String figure = "slowest `/ready` answer " + slowest + " ms while frozen";
            return new Recovery(figure, "`/ready` answers within " + READY_TARGET_MS / 1000 + " s (driver's bar)",
                    slowest <= READY_TARGET_MS, Map.of("slowestReadyMs", slowest),
                    List.of("- `/ready` while frozen: " + statuses.describe() + " (-1 = no answer within 30 s); slowest "
                            + slowest + " ms; ready again " + whole + " ms after the freeze began."));
        } finally {
            pg.freeze(false);
            thaw.shutdownNow();
        }
    }
}
