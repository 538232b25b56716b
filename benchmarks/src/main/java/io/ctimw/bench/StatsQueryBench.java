package io.ctimw.bench;

import io.ctimw.bench.env.BenchDatabase;
import io.ctimw.bench.env.MachineInfo;
import io.ctimw.bench.env.MiddlewareProcess;
import io.ctimw.bench.env.Workspace;
import io.ctimw.simulator.CtiSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The daily statistics over 30 days of 10 million logged requests, end to end: the real middleware jar
 * on an embedded PostgreSQL holding the counters its request log writer would have left (300 agents, 10
 * busy hours a day each, 111 requests an agent-hour over 8 method/status pairs: 9,990,000 requests),
 * and an administrator timing {@code GET /api/v1/admin/stats/daily} in each shape over HTTP
 * ({@code scripts/bench-stats.sh}; prints a markdown table).
 */
public final class StatsQueryBench {
    private static final int RUNS = 50;
    private static final String PASSWORD = "bench-admin";
    private static final String RANGE = "from=2026-10-01&to=2026-10-30";
    private static final String FILL = """
            insert into request_counts (hour, login, method, status, calls)
            select timestamptz '2026-10-01 00:00Z' + make_interval(days => d, hours => (a % 14) + k),
                   'agent' || a, m.method, m.status, m.calls
            from generate_series(0, 299) a, generate_series(0, 29) d, generate_series(0, 9) k,
                 (values ('GET /api/v1/events', 200, 88), ('GET /api/v1/events', 204, 12),
                         ('control:Answer', 200, 4), ('control:Hangup', 200, 3), ('control:MakeCall', 200, 1),
                         ('control:MakeCall', 422, 1), ('control:Hold', 403, 1), ('GET /api/v1/session', 200, 1))
                     as m(method, status, calls)""";
    private static final String ROLL_UP = "insert into request_counts_all (hour, method, status, calls)"
            + " select hour, method, status, sum(calls) from request_counts group by hour, method, status";
    /** What the writer keeps per login and UTC day, with and without the method (as V9 fills an upgraded database). */
    private static final String ROLL_UP_DAYS = "insert into request_counts_daily (day, login, method, status, calls)"
            + " select cast(hour at time zone 'UTC' as date), login, method, status, sum(calls) from request_counts"
            + " group by 1, 2, 3, 4";
    private static final String ROLL_UP_DAYS_LOGIN = "insert into request_counts_daily_login (day, login, status, calls)"
            + " select day, login, status, sum(calls) from request_counts_daily group by 1, 2, 3";

    private StatsQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "app-middleware/target/cti-middleware.jar");
        String loadBefore = MachineInfo.loadAverage();
        try (Workspace ws = Workspace.create();
             BenchDatabase db = BenchDatabase.start(ws.resolve("postgres"));
             CtiSimulator sim = CtiSimulator.builder().operators("boss").build().start();
             MiddlewareProcess mw = MiddlewareProcess.start(jar, ws, db, sim.url(), true)) {
            fill(db);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + mw.port();
            String token = login(http, base);
            System.out.println("| query (30 days, 10M requests) | body KB | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|");
            for (String query : List.of("", "&tz=Europe/Berlin", "&group=method", "&login=agent17&group=method",
                    "&group=login", "&group=login&tz=Europe/Moscow", "&group=login,method")) {
                time(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/stats/daily?" + RANGE + query))
                        .header("Authorization", "Bearer " + token).GET().build(), query.isEmpty() ? "(everyone)" : query);
            }
        }
        System.out.printf("load average before %s, after %s%n", loadBefore, MachineInfo.loadAverage());
    }

    private static void fill(BenchDatabase db) throws Exception {
        long started = System.nanoTime();
        db.seedUsers(List.of("boss"), PASSWORD);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("update users set role = 'admin' where login = 'boss'");
            s.execute(FILL);
            s.execute(ROLL_UP);
            s.execute(ROLL_UP_DAYS);
            s.execute(ROLL_UP_DAYS_LOGIN);
            s.execute("vacuum analyze request_counts");
            s.execute("vacuum analyze request_counts_all");
            s.execute("vacuum analyze request_counts_daily");
            s.execute("vacuum analyze request_counts_daily_login");
            try (ResultSet r = s.executeQuery("select sum(calls), count(*), (select count(*) from request_counts_all)"
                    + " from request_counts")) {
                r.next();
                System.out.printf("filled in %d s: %,d requests in %,d per-login and %,d all-login hourly counters%n",
                        (System.nanoTime() - started) / 1_000_000_000, r.getLong(1), r.getLong(2), r.getLong(3));
            }
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"boss\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin login: " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static void time(HttpClient http, HttpRequest request, String name) throws Exception {
        double[] millis = new double[RUNS];
        int bytes = 0;
        for (int i = -5; i < RUNS; i++) { // 5 warm-up calls: plans cached, pages in memory
            long started = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
            bytes = r.body().length();
        }
        Arrays.sort(millis);
        System.out.printf("| `%s` | %,d | %.1f | %.1f | %.1f |%n", name, bytes / 1024, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.99) - 1],
                millis[RUNS - 1]);
    }
}
