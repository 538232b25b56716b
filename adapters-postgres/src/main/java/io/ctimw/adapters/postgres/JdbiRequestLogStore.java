package io.ctimw.adapters.postgres;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.out.RequestLogStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link RequestLogStore} on {@code request_log}, {@code request_counts} (per login and UTC hour),
 * {@code request_counts_daily} (per login and UTC day, with and without the method) and
 * {@code request_counts_all} (every login summed, so the statistics of everyone read few rows). A batch is
 * two statements in one transaction, each one round trip of arrays: the lines, then one statement of
 * upserts into the four counters.
 */
public final class JdbiRequestLogStore implements RequestLogStore {
    private static final LoggedRequestMapper MAPPER = new LoggedRequestMapper();
    private static final String APPEND_LINES = """
            insert into request_log (at, login, attempted_login, client_address, method, path, routed, command,
                                     status, problem_type, duration_ms)
            select cast(r.at as timestamptz), r.login, r.attempted, r.address, r.method, r.path, r.routed, r.command,
                   r.status, r.problem, r.millis
            from unnest(cast(:at as text[]), cast(:login as text[]), cast(:attempted as text[]),
                        cast(:address as text[]), cast(:method as text[]), cast(:path as text[]),
                        cast(:routed as boolean[]), cast(:command as text[]), cast(:status as smallint[]),
                        cast(:problem as text[]), cast(:millis as integer[]))
                 as r(at, login, attempted, address, method, path, routed, command, status, problem, millis)""";
    private static final String ADD_COUNTS = """
            with inc as (
                select cast(c.hour as timestamptz) as hour, c.login, c.method, c.status, c.calls
                from unnest(cast(:hour as text[]), cast(:login as text[]), cast(:method as text[]),
                            cast(:status as smallint[]), cast(:calls as bigint[])) as c(hour, login, method, status, calls)
            ), per_login as (
                insert into request_counts as t (hour, login, method, status, calls)
                select hour, login, method, status, calls from inc
                on conflict (hour, login, method, status) do update set calls = t.calls + excluded.calls
            ), per_login_day as (
                insert into request_counts_daily as t (day, login, method, status, calls)
                select cast(hour at time zone 'UTC' as date), login, method, status, sum(calls) from inc
                group by 1, 2, 3, 4 order by 1, 2, 3, 4
                on conflict (day, login, method, status) do update set calls = t.calls + excluded.calls
            ), per_login_day_status as (
                insert into request_counts_daily_login as t (day, login, status, calls)
                select cast(hour at time zone 'UTC' as date), login, status, sum(calls) from inc
                group by 1, 2, 3 order by 1, 2, 3
                on conflict (day, login, status) do update set calls = t.calls + excluded.calls
            )
            insert into request_counts_all as t (hour, method, status, calls)
            select hour, method, status, sum(calls) from inc group by hour, method, status order by hour, method, status
            on conflict (hour, method, status) do update set calls = t.calls + excluded.calls""";

    private final GuardedJdbi db;

    public JdbiRequestLogStore(Jdbi jdbi) {
        this.db = new GuardedJdbi(jdbi, "request log store");
    }

    @Override
    public void append(List<LoggedRequest> lines, List<RequestCount> increments) {
        db.withHandle(h -> h.inTransaction(tx -> {
            if (!lines.isEmpty()) {
                tx.createUpdate(APPEND_LINES)
                        .bindArray("at", String.class, lines.stream().map(l -> Timestamps.toDbText(l.at())).toArray())
                        .bindArray("login", String.class, column(lines, r -> name(r.login())))
                        .bindArray("attempted", String.class, column(lines, r -> name(r.attemptedLogin())))
                        .bindArray("address", String.class, column(lines, ApiRequest::clientAddress))
                        .bindArray("method", String.class, column(lines, ApiRequest::method))
                        .bindArray("path", String.class, column(lines, ApiRequest::path))
                        .bindArray("routed", Boolean.class, column(lines, ApiRequest::routed))
                        .bindArray("command", String.class, column(lines, ApiRequest::command))
                        .bindArray("status", Integer.class, column(lines, ApiRequest::status))
                        .bindArray("problem", String.class, column(lines, ApiRequest::problemType))
                        .bindArray("millis", Integer.class, column(lines, r -> (int) r.durationMillis()))
                        .execute();
            }
            if (!increments.isEmpty()) {
                tx.createUpdate(ADD_COUNTS)
                        .bindArray("hour", String.class, increments.stream().map(c -> Timestamps.toDbText(c.hour())).toArray())
                        .bindArray("login", String.class, increments.stream().map(c -> c.login() == null ? "" : c.login().value()).toArray())
                        .bindArray("method", String.class, increments.stream().map(RequestCount::method).toArray())
                        .bindArray("status", Integer.class, increments.stream().map(RequestCount::status).toArray())
                        .bindArray("calls", Long.class, increments.stream().map(RequestCount::calls).toArray())
                        .execute();
            }
            return null;
        }));
    }

    private static Object[] column(List<LoggedRequest> lines, java.util.function.Function<ApiRequest, Object> field) {
        return lines.stream().map(l -> field.apply(l.request())).toArray();
    }

    private static String name(Login login) {
        return login == null ? null : login.value();
    }

    @Override
    public List<LoggedRequest> find(RequestLogQuery q) {
        StringBuilder sql = new StringBuilder("select " + LoggedRequestMapper.COLUMNS
                + " from request_log where status between :min and :max");
        if (q.login() != null) {
            sql.append(" and login = :login");
        }
        if (q.from() != null) {
            sql.append(" and at >= :from");
        }
        if (q.to() != null) {
            sql.append(" and at < :to");
        }
        if (q.before() != null) {
            sql.append(" and (at, id) < (:beforeAt, :beforeId)");
        }
        sql.append(" order by at desc, id desc limit :limit");
        return db.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("min", q.minStatus()).bind("max", q.maxStatus())
                    .bind("limit", q.limit());
            if (q.login() != null) {
                query.bind("login", q.login().value());
            }
            if (q.from() != null) {
                query.bind("from", Timestamps.toDb(q.from()));
            }
            if (q.to() != null) {
                query.bind("to", Timestamps.toDb(q.to()));
            }
            if (q.before() != null) {
                query.bind("beforeAt", Timestamps.toDb(q.before().at())).bind("beforeId", q.before().id());
            }
            return query.map(MAPPER).list();
        });
    }

    @Override
    public List<StatsQuery.DayCount> countsPerDay(List<StatsQuery.StatsDay> days, Login login, boolean byLogin,
                                                  boolean byMethod) {
        return db.withHandle(h -> h.inTransaction(tx -> JdbiRequestCounts.countsPerDay(tx, days, login, byLogin, byMethod)));
    }

    @Override
    public int deleteLinesBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("delete from request_log where at < :cutoff")
                .bind("cutoff", Timestamps.toDb(cutoff)).execute());
    }

    @Override
    public int deleteCountsBefore(Instant cutoff) {
        return db.withHandle(h -> h.inTransaction(tx -> JdbiRequestCounts.deleteBefore(tx, cutoff)));
    }
}
