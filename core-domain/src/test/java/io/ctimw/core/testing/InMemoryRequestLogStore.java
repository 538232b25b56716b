package io.ctimw.core.testing;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.out.RequestLogStore;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link RequestLogStore} in memory, with the same semantics as the PostgreSQL one (see the contract test). */
public final class InMemoryRequestLogStore implements RequestLogStore {
    private record Key(Instant hour, String login, String method, int status) {}

    private final List<LoggedRequest> lines = new ArrayList<>();
    private final Map<Key, Long> counts = new TreeMap<>(Comparator.comparing(Key::hour).thenComparing(Key::login)
            .thenComparing(Key::method).thenComparingInt(Key::status));
    private final List<Integer> batchSizes = new ArrayList<>();
    private volatile boolean available = true;
    private long nextId = 1;

    public void setAvailable(boolean value) {
        available = value;
    }

    /** The sizes of the batches appended, in order. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public synchronized List<LoggedRequest> lines() {
        return List.copyOf(lines);
    }

    /** Every stored counter, as (hour, login, method, status) to calls. */
    public synchronized List<RequestCount> counters() {
        return counts.entrySet().stream().map(e -> new RequestCount(e.getKey().hour(),
                e.getKey().login().isEmpty() ? null : new Login(e.getKey().login()), e.getKey().method(),
                e.getKey().status(), e.getValue())).toList();
    }

    @Override
    public synchronized void append(List<LoggedRequest> batch, List<RequestCount> increments) {
        check();
        batchSizes.add(batch.size());
        for (LoggedRequest line : batch) {
            lines.add(new LoggedRequest(nextId++, line.at(), line.request()));
        }
        for (RequestCount c : increments) {
            counts.merge(new Key(c.hour(), c.login() == null ? "" : c.login().value(), c.method(), c.status()),
                    c.calls(), Long::sum);
        }
    }

    @Override
    public synchronized List<LoggedRequest> find(RequestLogQuery query) {
        check();
        return lines.stream().filter(query::matches)
                .sorted(Comparator.comparing(LoggedRequest::at).thenComparingLong(LoggedRequest::id).reversed())
                .limit(query.limit()).toList();
    }

    @Override
    public synchronized List<StatsQuery.DayCount> countsPerDay(List<StatsQuery.StatsDay> days, Login login,
                                                               boolean byLogin, boolean byMethod) {
        check();
        Map<StatsQuery.DayCount, Long> sums = new java.util.LinkedHashMap<>();
        for (StatsQuery.StatsDay day : days) {
            counts.forEach((k, calls) -> {
                boolean inDay = !k.hour().isBefore(day.start()) && k.hour().isBefore(day.end());
                if (inDay && (login == null || login.value().equals(k.login()))) {
                    Login who = byLogin && !k.login().isEmpty() ? new Login(k.login()) : null;
                    sums.merge(new StatsQuery.DayCount(day.day(), who, byMethod ? k.method() : null, k.status(), 0),
                            calls, Long::sum);
                }
            });
        }
        return sums.entrySet().stream().map(e -> new StatsQuery.DayCount(e.getKey().day(), e.getKey().login(),
                e.getKey().method(), e.getKey().status(), e.getValue())).toList();
    }

    @Override
    public synchronized int deleteLinesBefore(Instant cutoff) {
        check();
        int before = lines.size();
        lines.removeIf(l -> l.at().isBefore(cutoff));
        return before - lines.size();
    }

    @Override
    public synchronized int deleteCountsBefore(Instant cutoff) {
        check();
        int before = counts.size();
        counts.keySet().removeIf(k -> k.hour().isBefore(cutoff));
        return before - counts.size();
    }

    private void check() {
        if (!available) {
            throw new StoreUnavailableException("request log store down (test)", null);
        }
    }
}
