package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.out.RequestLogStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RequestLogStore} must do; extend it with a factory for the implementation under test. */
public abstract class RequestLogStoreContract {
    private static final Login ALICE = new Login("alice");
    private static final Login BOB = new Login("bob");
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00.123456Z");
    private static final Instant H10 = Instant.parse("2026-03-01T10:00:00Z");

    private RequestLogStore store;

    /** A fresh store with nothing in it. */
    protected abstract RequestLogStore newEmptyStore();

    @BeforeEach
    void createStore() {
        store = newEmptyStore();
    }

    private static LoggedRequest line(Instant at, Login login, int status) {
        return new LoggedRequest(0, at, new ApiRequest(login, null, "10.0.0.1", "GET", "/api/v1/events", true, null,
                status, status >= 400 ? "forbidden" : null, 7));
    }

    private static RequestLogQuery page(Login login, int min, int max, int limit, LoggedRequest before) {
        return new RequestLogQuery(login, min, max, null, null, limit, before == null ? null : before.cursor());
    }

    @Test
    void everyFieldComesBackAsWritten() {
        ApiRequest attempt = new ApiRequest(null, ALICE, "2001:db8::1", "POST", "/api/v1/login", true, null, 401,
                "login-rejected", 120);
        ApiRequest command = new ApiRequest(BOB, null, "10.0.0.2", "POST", "/api/v1/control", true, "Answer", 200, null, 3);
        store.append(List.of(new LoggedRequest(0, T0, attempt), new LoggedRequest(0, T0.plusSeconds(1), command)), List.of());

        List<LoggedRequest> found = store.find(page(null, 100, 599, 10, null));

        assertEquals(List.of(command, attempt), found.stream().map(LoggedRequest::request).toList());
        assertEquals(List.of(T0.plusSeconds(1), T0), found.stream().map(LoggedRequest::at).toList());
    }

    @Test
    void pagesAreNewestFirstAndTheCursorBreaksTiesOnTheId() {
        store.append(List.of(line(T0, ALICE, 200), line(T0, ALICE, 200), line(T0.plusSeconds(1), ALICE, 200)), List.of());
        List<LoggedRequest> all = store.find(page(null, 100, 599, 10, null));

        List<LoggedRequest> first = store.find(page(null, 100, 599, 2, null));
        List<LoggedRequest> second = store.find(page(null, 100, 599, 2, first.get(1)));

        assertEquals(3, all.size());
        assertEquals(all.subList(0, 2), first);
        assertEquals(all.subList(2, 3), second);
        assertEquals(T0, first.get(1).at());
        assertEquals(T0, second.get(0).at());
        assertEquals(true, first.get(1).id() > second.get(0).id());
    }

    @Test
    void filtersByLoginStatusAndTime() {
        store.append(List.of(line(T0, ALICE, 200), line(T0.plusSeconds(1), BOB, 403), line(T0.plusSeconds(2), null, 401),
                line(T0.plusSeconds(3), ALICE, 404)), List.of());

        assertEquals(List.of(404, 200), statuses(page(ALICE, 100, 599, 10, null)));
        assertEquals(List.of(404, 401, 403), statuses(page(null, 400, 499, 10, null)));
        assertEquals(List.of(403), statuses(page(null, 403, 403, 10, null)));
        assertEquals(List.of(401, 403), statuses(new RequestLogQuery(null, 100, 599, T0.plusSeconds(1),
                T0.plusSeconds(3), 10, null)));
    }

    private List<Integer> statuses(RequestLogQuery query) {
        return store.find(query).stream().map(l -> l.request().status()).toList();
    }

    @Test
    void countersAddUpAcrossBatchesAndSumPerDayLoginAndMethod() {
        store.append(List.of(), List.of(new RequestCount(H10, ALICE, "GET /api/v1/events", 200, 5),
                new RequestCount(H10, null, "POST /api/v1/login", 401, 2)));
        store.append(List.of(), List.of(new RequestCount(H10, ALICE, "GET /api/v1/events", 200, 3),
                new RequestCount(H10.plusSeconds(3600 * 13), BOB, "control:Answer", 200, 4)));
        LocalDate day = LocalDate.parse("2026-03-01");
        List<StatsQuery.StatsDay> days = new StatsQuery(day, day.plusDays(1), ZoneOffset.UTC, null, false, false).days();

        assertEquals(sorted(List.of(new StatsQuery.DayCount(day, null, null, 200, 12),
                new StatsQuery.DayCount(day, null, null, 401, 2))), sorted(store.countsPerDay(days, null, false, false)));
        assertEquals(sorted(List.of(new StatsQuery.DayCount(day, ALICE, "GET /api/v1/events", 200, 8),
                new StatsQuery.DayCount(day, BOB, "control:Answer", 200, 4),
                new StatsQuery.DayCount(day, null, "POST /api/v1/login", 401, 2))), sorted(store.countsPerDay(days, null, true, true)));
        assertEquals(List.of(new StatsQuery.DayCount(day, null, "GET /api/v1/events", 200, 8)),
                store.countsPerDay(days, ALICE, false, true));
        // days from 12:00 to 12:00 UTC: hour 10 counts for the first day, hour 23 (bob's) for the second
        List<StatsQuery.StatsDay> shifted = new StatsQuery(day, day.plusDays(1), ZoneOffset.ofHours(12), null, false,
                false).days();
        assertEquals(sorted(List.of(new StatsQuery.DayCount(day, null, null, 200, 8),
                new StatsQuery.DayCount(day, null, null, 401, 2), new StatsQuery.DayCount(day.plusDays(1), null, null, 200, 4))),
                sorted(store.countsPerDay(shifted, null, false, false)));
    }

    private static List<StatsQuery.DayCount> sorted(List<StatsQuery.DayCount> counts) {
        return counts.stream().sorted(java.util.Comparator.comparing(StatsQuery.DayCount::toString)).toList();
    }

    @Test
    void retentionDeletesOnlyWhatIsOlderThanTheCutoff() {
        store.append(List.of(line(T0.minusNanos(1000), ALICE, 200), line(T0, ALICE, 200)),
                List.of(new RequestCount(H10.minusSeconds(3600), ALICE, "m", 200, 1), new RequestCount(H10, ALICE, "m", 200, 1)));

        assertEquals(1, store.deleteLinesBefore(T0));
        assertEquals(1, store.deleteCountsBefore(H10));

        assertEquals(List.of(T0), store.find(page(null, 100, 599, 10, null)).stream().map(LoggedRequest::at).toList());
        LocalDate day = LocalDate.parse("2026-03-01");
        assertEquals(List.of(new StatsQuery.DayCount(day, null, null, 200, 1)), store.countsPerDay(
                new StatsQuery(day, day, ZoneOffset.UTC, null, false, false).days(), null, false, false));
    }
}
