package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StatsQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The daily statistics' reads and purge for {@link JdbiRequestLogStore}. Everyone's sums come from the hourly
 * all-login counters (few rows); per-login sums from the daily per-login counters plus or minus a few hourly
 * ones at each day's edges ({@link UtcDaySplit}): 30 days of 300 agents per login read 36,000 rows in UTC
 * (~60,000 in Moscow), not 720,000.
 */
final class JdbiRequestCounts {
    private static final String WHOLE_DAYS = """
            select w.day, c.login, %s as method, c.status, w.sign * c.calls as calls
            from unnest(cast(:wDay as text[]), cast(:wUtc as text[]), cast(:wSign as integer[])) as w(day, utc, sign)
            join %s c on c.day = cast(w.utc as date) %s""";
    private static final String PER_LOGIN = """
            select x.day, %s as login, %s as method, x.status, sum(x.calls) as calls from (
                %s
                union all
                select h.day, c.login, c.method, c.status, h.sign * c.calls
                from unnest(cast(:hDay as text[]), cast(:hFrom as text[]), cast(:hTo as text[]),
                            cast(:hSign as integer[])) as h(day, s, e, sign)
                join request_counts c on c.hour >= cast(h.s as timestamptz) and c.hour < cast(h.e as timestamptz) %s
            ) x
            group by x.day, %sx.status
            having sum(x.calls) <> 0""";
    private static final String EVERYONE = """
            select d.day, null as login, %s as method, c.status, sum(c.calls) as calls
            from unnest(cast(:days as text[]), cast(:starts as text[]), cast(:ends as text[])) as d(day, s, e)
            join request_counts_all c on c.hour >= cast(d.s as timestamptz) and c.hour < cast(d.e as timestamptz)
            group by d.day, %sc.status""";
    /**
     * For the read's transaction: its few hundred thousand rows at most are summed faster on one core without JIT
     * (the planner guesses 80,000 rows per hour range, so it compiled for seconds and started workers), and the
     * hash of 36,000 day x login x status sums needs ~8 MB, more than the default 4 MB before it spills to disk.
     */
    private static final String TUNING = "set local jit = off; set local max_parallel_workers_per_gather = 0;"
            + " set local work_mem = '32MB'";
    private static final String RESUM_DAY = """
            with kept as (
                insert into request_counts_daily (day, login, method, status, calls)
                select cast(:day as date), login, method, status, sum(calls) from request_counts
                where hour >= :start and hour < :end
                group by login, method, status
                returning login, status, calls
            )
            insert into request_counts_daily_login (day, login, status, calls)
            select cast(:day as date), login, status, sum(calls) from kept group by login, status""";

    private JdbiRequestCounts() {
    }

    /** Runs in a transaction of its own ({@code tx}): the tuning is local to it. */
    static List<StatsQuery.DayCount> countsPerDay(Handle tx, List<StatsQuery.StatsDay> days, Login login, boolean byLogin,
                                                  boolean byMethod) {
        tx.execute(TUNING);
        Query query = login != null || byLogin ? perLogin(tx, days, login, byLogin, byMethod) : tx.createQuery(
                EVERYONE.formatted(byMethod ? "c.method" : "null", byMethod ? "c.method, " : ""))
                .bindArray("days", String.class, days.stream().map(d -> d.day().toString()).toArray())
                .bindArray("starts", String.class, days.stream().map(d -> Timestamps.toDbText(d.start())).toArray())
                .bindArray("ends", String.class, days.stream().map(d -> Timestamps.toDbText(d.end())).toArray());
        Map<String, LocalDate> dates = new HashMap<>(); // tens of thousands of rows name a few days and logins:
        Map<String, Login> logins = new HashMap<>();    // parse and check each once
        return query.map((rs, ctx) -> new StatsQuery.DayCount(dates.computeIfAbsent(rs.getString("day"), LocalDate::parse),
                rs.getString("login") == null ? null : logins.computeIfAbsent(rs.getString("login"),
                        LoggedRequestMapper::login), rs.getString("method"), rs.getInt("status"), rs.getLong("calls")))
                .list();
    }

    /**
     * Per login: from the daily counters with the method when it is asked, else from those without it. A day
     * with no edge hours (UTC) is one daily row per answer row: read as it is, nothing to sum.
     */
    private static Query perLogin(Handle h, List<StatsQuery.StatsDay> days, Login login, boolean byLogin,
                                  boolean byMethod) {
        String onlyLogin = login == null ? "" : "and c.login = :login";
        UtcDaySplit split = UtcDaySplit.of(days);
        String wholeDays = WHOLE_DAYS.formatted(byMethod ? "c.method" : "null",
                byMethod ? "request_counts_daily" : "request_counts_daily_login", onlyLogin);
        String sql = split.hours().isEmpty()
                ? "select day, " + (byLogin ? "login" : "null as login") + ", method, status, calls from ("
                        + wholeDays + ") x where calls <> 0"
                : PER_LOGIN.formatted(byLogin ? "x.login" : "null", byMethod ? "x.method" : "null", wholeDays, onlyLogin,
                        (byLogin ? "x.login, " : "") + (byMethod ? "x.method, " : ""));
        Query query = h.createQuery(sql)
                .bindArray("wDay", String.class, split.wholes().stream().map(w -> w.day().toString()).toArray())
                .bindArray("wUtc", String.class, split.wholes().stream().map(w -> w.utcDay().toString()).toArray())
                .bindArray("wSign", Integer.class, split.wholes().stream().map(UtcDaySplit.Whole::sign).toArray());
        if (!split.hours().isEmpty()) {
            query.bindArray("hDay", String.class, split.hours().stream().map(p -> p.day().toString()).toArray())
                    .bindArray("hFrom", String.class, split.hours().stream().map(p -> Timestamps.toDbText(p.from())).toArray())
                    .bindArray("hTo", String.class, split.hours().stream().map(p -> Timestamps.toDbText(p.to())).toArray())
                    .bindArray("hSign", Integer.class, split.hours().stream().map(UtcDaySplit.Hours::sign).toArray());
        }
        return login == null ? query : query.bind("login", login.value());
    }

    /**
     * Deletes the counters of hours before {@code cutoff} (returns how many per-login ones). Holds off the
     * writer and any other purge meanwhile (SHARE ROW EXCLUSIVE: two purges holding SHARE would deadlock on their
     * deletes), so a day's daily row is summed from a stable set of hourly rows; readers go on.
     */
    static int deleteBefore(Handle tx, Instant cutoff) {
        tx.execute("lock table request_counts in share row exclusive mode");
        tx.createUpdate("delete from request_counts_all where hour < :cutoff").bind("cutoff", Timestamps.toDb(cutoff))
                .execute();
        int deleted = tx.createUpdate("delete from request_counts where hour < :cutoff")
                .bind("cutoff", Timestamps.toDb(cutoff)).execute();
        if (deleted > 0) { // whole days go; a day the cutoff cuts is summed anew from the hours it keeps
            Instant dayStart = cutoff.truncatedTo(ChronoUnit.DAYS);
            LocalDate cut = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
            for (String table : List.of("request_counts_daily", "request_counts_daily_login")) {
                tx.createUpdate("delete from " + table + " where day < cast(:day as date)")
                        .bind("day", (dayStart.equals(cutoff) ? cut : cut.plusDays(1)).toString()).execute();
            }
            if (!dayStart.equals(cutoff)) {
                tx.createUpdate(RESUM_DAY).bind("day", cut.toString()).bind("start", Timestamps.toDb(dayStart))
                        .bind("end", Timestamps.toDb(dayStart.plus(1, ChronoUnit.DAYS))).execute();
            }
        }
        return deleted;
    }
}
