package io.ctimw.bench;

import io.ctimw.adapters.postgres.JdbiRequestLogStore;
import io.ctimw.adapters.postgres.PostgresDatabase;
import io.ctimw.adapters.postgres.PostgresSettings;
import io.ctimw.bench.env.BenchDatabase;
import io.ctimw.bench.env.MachineInfo;
import io.ctimw.bench.env.Workspace;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StatsQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily statistics over 30 days of 10 million logged requests: fills the counters the request log's
 * writer would have left (300 agents, 10 busy hours a day each, 111 requests an agent-hour over 8
 * method/status pairs: 9,990,000 requests) into a fresh embedded PostgreSQL, then times each shape of
 * the statistics query ({@code scripts/bench-stats.sh}; prints a markdown table).
 */
public final class StatsQueryBench {
    private static final int AGENTS = 300;
    private static final int DAYS = 30;
    private static final int RUNS = 50;
    private static final LocalDate FIRST = LocalDate.parse("2026-10-01");
    private static final String FILL = """
            insert into request_counts (hour, login, method, status, calls)
            select timestamptz '2026-10-01 00:00Z' + make_interval(days => d, hours => (a %% 14) + k),
                   'agent' || a, m.method, m.status, m.calls
            from generate_series(0, %d) a, generate_series(0, %d) d, generate_series(0, 9) k,
                 (values ('GET /api/v1/events', 200, 88), ('GET /api/v1/events', 204, 12),
                         ('control:Answer', 200, 4), ('control:Hangup', 200, 3), ('control:MakeCall', 200, 1),
                         ('control:MakeCall', 422, 1), ('control:Hold', 403, 1), ('GET /api/v1/session', 200, 1))
                     as m(method, status, calls)""".formatted(AGENTS - 1, DAYS - 1);
    private static final String ROLL_UP = "insert into request_counts_all (hour, method, status, calls)"
            + " select hour, method, status, sum(calls) from request_counts group by hour, method, status";

    private StatsQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        String loadBefore = MachineInfo.loadAverage();
        try (Workspace ws = Workspace.create(); BenchDatabase pg = BenchDatabase.start(ws.resolve("postgres"))) {
            PostgresDatabase db = PostgresDatabase.start(new PostgresSettings(pg.jdbcUrl(), pg.user(), pg.password(), 2));
            try {
                Jdbi jdbi = db.jdbi();
                long filled = System.nanoTime();
                jdbi.useHandle(h -> {
                    h.execute(FILL);
                    h.execute(ROLL_UP);
                    h.execute("vacuum analyze request_counts");
                    h.execute("vacuum analyze request_counts_all");
                });
                long requests = jdbi.withHandle(h -> h.createQuery("select sum(calls) from request_counts").mapTo(Long.class).one());
                long rows = jdbi.withHandle(h -> h.createQuery("select count(*) from request_counts").mapTo(Long.class).one());
                long allRows = jdbi.withHandle(h -> h.createQuery("select count(*) from request_counts_all").mapTo(Long.class).one());
                System.out.printf("filled in %d s: %,d requests in %,d per-login counters and %,d all-login counters%n",
                        (System.nanoTime() - filled) / 1_000_000_000, requests, rows, allRows);
                JdbiRequestLogStore store = new JdbiRequestLogStore(jdbi);
                LocalDate last = FIRST.plusDays(DAYS - 1);
                System.out.println("| query (30 days) | rows back | p50 ms | p99 ms | max ms |");
                System.out.println("|---|---|---|---|---|");
                time("everyone, per day, UTC", () -> count(store, new StatsQuery(FIRST, last, ZoneOffset.UTC, null, false, false)));
                time("everyone, per day, tz=Europe/Berlin", () -> count(store, new StatsQuery(FIRST, last, ZoneId.of("Europe/Berlin"), null, false, false)));
                time("everyone, per day and method", () -> count(store, new StatsQuery(FIRST, last, ZoneOffset.UTC, null, false, true)));
                time("login=agent17, per day and method", () -> count(store, new StatsQuery(FIRST, last, ZoneOffset.UTC, new Login("agent17"), false, true)));
                time("everyone, per day and login (group=login)", () -> count(store, new StatsQuery(FIRST, last, ZoneOffset.UTC, null, true, false)));
            } finally {
                db.close();
            }
        }
        System.out.printf("load average before %s, after %s%n", loadBefore, MachineInfo.loadAverage());
    }

    private static int count(JdbiRequestLogStore store, StatsQuery q) {
        return store.countsPerDay(q.days(), q.login(), q.byLogin(), q.byMethod()).size();
    }

    private static void time(String name, Supplier<Integer> query) {
        for (int i = 0; i < 5; i++) {
            query.get(); // warm-up: plans cached, pages in memory
        }
        double[] millis = new double[RUNS];
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            rows = query.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %,d | %.1f | %.1f | %.1f |%n", name, rows, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.99) - 1], millis[RUNS - 1]);
    }
}
