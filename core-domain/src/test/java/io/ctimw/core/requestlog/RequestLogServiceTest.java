package io.ctimw.core.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.access.UserDirectory;
import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.InMemoryAuditTrail;
import io.ctimw.core.testing.InMemoryRequestLogStore;
import io.ctimw.core.testing.InMemoryUserStore;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request log in the core, over an in-memory store and a clock that moves only when told. */
class RequestLogServiceTest {
    private static final Login ADMIN = new Login("boss");
    private static final Login AGENT = new Login("agent1");
    private final MutableClock clock = MutableClock.at("2026-03-28T21:30:00Z");
    private final InMemoryRequestLogStore store = new InMemoryRequestLogStore();
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final AtomicReference<Duration> retention = new AtomicReference<>(Duration.ofDays(30));
    private final RequestRecorder recorder = new RequestRecorder(store, clock, Set.of("Answer", "Hold")::contains,
            3, 100, r -> new Thread(r, "test-request-log"));
    private final RequestLogService service;

    RequestLogServiceTest() {
        users.add(new User(ADMIN, "h", true, clock.instant()).withRole(Role.ADMIN).withGrants(Grants.NONE));
        users.add(new User(AGENT, "h", true, clock.instant()).withGrants(Grants.ALL));
        AccessGuard access = new AccessGuard(new UserDirectory(users, clock, Duration.ofSeconds(30)),
                new InMemoryAuditTrail(), clock);
        service = new RequestLogService(recorder, store, access, clock, true, retention::get, () -> Duration.ofDays(90));
    }

    @AfterEach
    void stop() throws InterruptedException {
        recorder.drainAndStop(Duration.ofSeconds(5));
    }

    private Session session(Login login) {
        return new Session(new TokenHash("a".repeat(64)), login, clock.instant(), clock.instant(),
                clock.instant().plusSeconds(3600), 0);
    }

    private static ApiRequest request(Login login, String path, String command, int status, long millis) {
        return new ApiRequest(login, null, "10.0.0.1", "POST", path, true, command, status, null, millis);
    }

    private void awaitWritten(long lines) {
        Await.until(() -> recorder.written() >= lines, Duration.ofSeconds(5), "the writer stored " + lines + " lines");
    }

    @Test
    void aLineIsStampedWithItsArrivalAndAnUnknownCommandIsLoggedAsInvalid() {
        recorder.start();
        service.record(request(AGENT, "/api/v1/control", "Answer", 200, 250));
        service.record(request(AGENT, "/api/v1/control", "rm -rf /", 400, 1));
        awaitWritten(2);

        List<LoggedRequest> lines = store.lines();
        assertEquals(Instant.parse("2026-03-28T21:29:59.750Z"), lines.get(0).at(), "now minus its 250 ms");
        assertEquals(List.of("Answer", "invalid"), lines.stream().map(l -> l.request().command()).toList());
        assertEquals(List.of("control:Answer", "control:invalid"),
                store.counters().stream().map(RequestCount::method).toList());
    }

    @Test
    void aBatchIsRolledUpIntoOneIncrementPerHourLoginMethodAndStatus() {
        List<io.ctimw.core.model.LoggedRequest> batch = List.of(
                new LoggedRequest(0, Instant.parse("2026-03-28T21:59:59Z"), request(AGENT, "/a", null, 200, 1)),
                new LoggedRequest(0, Instant.parse("2026-03-28T21:00:00Z"), request(AGENT, "/a", null, 200, 1)),
                new LoggedRequest(0, Instant.parse("2026-03-28T22:00:00Z"), request(AGENT, "/a", null, 200, 1)),
                new LoggedRequest(0, Instant.parse("2026-03-28T21:10:00Z"), request(null, "/a", null, 200, 1)),
                new LoggedRequest(0, Instant.parse("2026-03-28T21:10:00Z"), request(AGENT, "/a", null, 404, 1)),
                new LoggedRequest(0, Instant.parse("2026-03-28T21:10:00Z"), request(AGENT, "/b", null, 200, 1)));

        List<RequestCount> counts = HourlyCounts.of(batch);

        Instant h21 = Instant.parse("2026-03-28T21:00:00Z");
        assertEquals(List.of(new RequestCount(h21, null, "POST /a", 200, 1), new RequestCount(h21, AGENT, "POST /a", 200, 2),
                new RequestCount(h21, AGENT, "POST /a", 404, 1), new RequestCount(h21, AGENT, "POST /b", 200, 1),
                new RequestCount(h21.plusSeconds(3600), AGENT, "POST /a", 200, 1)), counts);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheRequest() {
        for (int i = 0; i < 5; i++) { // the writer is not started: nothing leaves the queue of 3
            service.record(request(AGENT, "/a", null, 200, 1));
        }

        assertEquals(2, recorder.dropped());
        assertEquals(3, recorder.pending());
    }

    @Test
    void theQueueIsWrittenOnStopAndNothingIsTakenAfterIt() throws InterruptedException {
        store.setAvailable(false);
        recorder.start();
        service.record(request(AGENT, "/a", null, 200, 1));
        service.record(request(AGENT, "/a", null, 200, 1));
        store.setAvailable(true); // the writer's retry gets through

        recorder.drainAndStop(Duration.ofSeconds(5));
        service.record(request(AGENT, "/a", null, 200, 1));

        assertEquals(2, store.lines().size());
        assertEquals(1, recorder.dropped(), "the line after the stop");
    }

    @Test
    void aBatchStillRetriedWhenTheStopRunsOutOfTimeIsCountedAsNotLogged() throws InterruptedException {
        store.setAvailable(false); // for good: the writer takes the batch and retries until it is interrupted
        recorder.start();
        service.record(request(AGENT, "/a", null, 200, 1));
        service.record(request(AGENT, "/a", null, 200, 1));

        recorder.drainAndStop(Duration.ofMillis(200));

        assertEquals(0, store.lines().size());
        assertEquals(2, recorder.dropped(), "the interrupted batch is not logged, and says so");
    }

    @Test
    void retentionIsReadAtEachRoundAndDeletesOnlyOlderLines() {
        store.append(List.of(new LoggedRequest(0, clock.instant().minus(Duration.ofDays(10)), request(AGENT, "/a", null, 200, 1)),
                new LoggedRequest(0, clock.instant().minus(Duration.ofDays(2)), request(AGENT, "/a", null, 200, 1))), List.of());

        assertEquals(0, service.purge());
        retention.set(Duration.ofDays(5)); // as a live setting would
        assertEquals(1, service.purge());
        assertEquals(1, store.lines().size());
    }

    @Test
    void onlyAnAdministratorReadsTheLogOrTheStatistics() {
        StatsQuery query = new StatsQuery(LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-28"), ZoneOffset.UTC,
                null, false, false);
        RequestLogQuery page = new RequestLogQuery(null, 100, 599, null, null, 10, null);

        assertThrows(AccessDeniedException.class, () -> service.requests(session(AGENT), page));
        assertThrows(AccessDeniedException.class, () -> service.dailyStatistics(session(AGENT), query));
        assertEquals(List.of(), service.requests(session(ADMIN), page));
        assertEquals(1, service.dailyStatistics(session(ADMIN), query).days().size());
    }

    @Test
    void daysFollowTheAskedZoneIncludingA23HourDstDay() {
        // Europe/Berlin: 2026-03-29 has 23 hours (clocks go 02:00 -> 03:00); it starts at 2026-03-28T23:00Z
        Instant h = Instant.parse("2026-03-28T22:00:00Z"); // 23:00 in Berlin on the 28th
        store.append(List.of(), List.of(new RequestCount(h, AGENT, "GET /e", 200, 1),
                new RequestCount(h.plusSeconds(3600), AGENT, "GET /e", 200, 2),        // 00:00 on the 29th
                new RequestCount(Instant.parse("2026-03-29T21:00:00Z"), AGENT, "GET /e", 500, 4), // 23:00 on the 29th
                new RequestCount(Instant.parse("2026-03-29T22:00:00Z"), null, "GET /e", 401, 8))); // 00:00 on the 30th
        StatsQuery berlin = new StatsQuery(LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-30"),
                ZoneId.of("Europe/Berlin"), null, false, false);

        DailyReport report = service.dailyStatistics(session(ADMIN), berlin);

        assertEquals(List.of(1L, 6L, 8L), report.days().stream().map(d -> d.total().calls()).toList());
        assertEquals(new DailyReport.Tally(6, 4, new java.util.TreeMap<>(Map.of(200, 2L, 500, 4L))), report.days().get(1).total());
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), berlin.days().get(1).start());
        assertEquals(Duration.ofHours(23), Duration.between(berlin.days().get(1).start(), berlin.days().get(1).end()));
        DailyReport utc = service.dailyStatistics(session(ADMIN), new StatsQuery(LocalDate.parse("2026-03-28"),
                LocalDate.parse("2026-03-29"), ZoneOffset.UTC, null, false, false));
        assertEquals(List.of(3L, 12L), utc.days().stream().map(d -> d.total().calls()).toList());
    }

    @Test
    void groupsSplitADayPerLoginAndMethodAndALoginFilterKeepsOnlyItsCalls() {
        Instant h = Instant.parse("2026-03-28T10:00:00Z");
        store.append(List.of(), List.of(new RequestCount(h, AGENT, "GET /e", 200, 3), new RequestCount(h, AGENT, "control:Hold", 403, 1),
                new RequestCount(h, null, "POST /login", 401, 2)));
        LocalDate day = LocalDate.parse("2026-03-28");

        DailyReport perLogin = service.dailyStatistics(session(ADMIN), new StatsQuery(day, day, ZoneOffset.UTC, null, true, false));
        DailyReport agentPerMethod = service.dailyStatistics(session(ADMIN), new StatsQuery(day, day, ZoneOffset.UTC, AGENT, false, true));

        List<DailyReport.Group> groups = perLogin.days().get(0).groups();
        assertEquals(2, groups.size());
        assertEquals(null, groups.get(0).login(), "calls without a session first");
        assertEquals(new DailyReport.Tally(2, 2, new java.util.TreeMap<>(Map.of(401, 2L))), groups.get(0).tally());
        assertEquals(new DailyReport.Tally(4, 1, new java.util.TreeMap<>(Map.of(200, 3L, 403, 1L))), groups.get(1).tally());
        assertEquals(List.of("GET /e", "control:Hold"), agentPerMethod.days().get(0).groups().stream()
                .map(DailyReport.Group::method).toList());
        assertEquals(4, agentPerMethod.days().get(0).total().calls());
    }

    @Test
    void aZoneOffByHalfAnHourIsRefusedNamingTz() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new StatsQuery(
                LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-28"), ZoneId.of("Asia/Kolkata"), null, false, false));
        assertTrue(refused.getMessage().startsWith("tz: "), refused.getMessage());
    }
}
