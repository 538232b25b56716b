package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.out.RequestLogStore;
import io.ctimw.core.testing.InMemoryRequestLogStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-login statistics read from daily counters plus edge hours give exactly what summing every hourly
 * counter gives (the in-memory store, which obeys the same contract), on random counters, in zones of every
 * offset from -12 to +14 with and without DST, before and after purges that cut a day or end at midnight.
 */
class DailyCountsAgreementTest {
    private static final long SEED = 20261129L;
    private static final Instant FIRST_HOUR = Instant.parse("2026-03-01T00:00:00Z");
    private static final int HOURS = 40 * 24;
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "Europe/Moscow", "America/New_York",
            "America/Santiago", "Asia/Tokyo", "Australia/Sydney", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12",
            "Etc/GMT-12", "+05:00", "-07:00");
    private static final List<String> LOGINS = List.of("alice", "bob", "carol", "dave", "erin");
    private static final List<String> METHODS = List.of("GET /api/v1/events", "control:Answer", "POST /api/v1/login");
    private static final int[] STATUSES = {200, 204, 403, 500};

    @Test
    void everyZoneAndShapeAgreesWithTheHourlySumsBeforeAndAfterPurges() {
        try (TestDatabase db = TestDatabase.create()) {
            agree(new JdbiRequestLogStore(db.jdbi()));
        }
    }

    private static void agree(RequestLogStore daily) {
        InMemoryRequestLogStore hourly = new InMemoryRequestLogStore();
        Random random = new Random(SEED);
        for (int batch = 0; batch < 40; batch++) {
            List<RequestCount> increments = batch(random);
            daily.append(List.of(), increments);
            hourly.append(List.of(), increments);
        }

        int compared = compare(random, daily, hourly);
        Instant cutting = FIRST_HOUR.plus(Duration.ofHours(5 * 24 + 7));
        assertEquals(hourly.deleteCountsBefore(cutting), daily.deleteCountsBefore(cutting));
        compared += compare(random, daily, hourly);
        Instant midnight = FIRST_HOUR.plus(Duration.ofDays(9));
        assertEquals(hourly.deleteCountsBefore(midnight), daily.deleteCountsBefore(midnight));
        List<RequestCount> more = batch(random);
        daily.append(List.of(), more);
        hourly.append(List.of(), more);
        compared += compare(random, daily, hourly);

        assertTrue(compared > 1000, "the queries found calls to compare, not just empty days: " + compared);
    }

    /** One batch: random counters with distinct keys (as the recorder hands them), the same keys recurring across batches. */
    private static List<RequestCount> batch(Random random) {
        Map<String, RequestCount> byKey = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            Instant hour = FIRST_HOUR.plus(random.nextInt(HOURS), ChronoUnit.HOURS);
            Login login = random.nextInt(6) == 0 ? null : new Login(LOGINS.get(random.nextInt(LOGINS.size())));
            RequestCount c = new RequestCount(hour, login, METHODS.get(random.nextInt(METHODS.size())),
                    STATUSES[random.nextInt(STATUSES.length)], 1 + random.nextInt(50));
            byKey.putIfAbsent(c.hour() + " " + c.login() + " " + c.method() + " " + c.status(), c);
        }
        return List.copyOf(byKey.values());
    }

    /** Asks both stores 60 random per-login questions; returns how many sums they agreed on. */
    private static int compare(Random random, RequestLogStore daily, RequestLogStore hourly) {
        int sums = 0;
        for (int q = 0; q < 60; q++) {
            ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
            LocalDate from = LocalDate.parse("2026-02-27").plusDays(random.nextInt(44));
            Login login = random.nextInt(3) == 0 ? new Login(random.nextBoolean() ? "nobody" : LOGINS.get(random.nextInt(5)))
                    : null;
            boolean byLogin = login == null || random.nextBoolean();
            StatsQuery query = new StatsQuery(from, from.plusDays(random.nextInt(12)), zone, login, byLogin,
                    random.nextBoolean());
            List<StatsQuery.DayCount> expected = sorted(hourly.countsPerDay(query.days(), login, byLogin, query.byMethod()));
            assertEquals(expected, sorted(daily.countsPerDay(query.days(), login, byLogin, query.byMethod())),
                    query.toString());
            sums += expected.size();
        }
        return sums;
    }

    private static List<StatsQuery.DayCount> sorted(List<StatsQuery.DayCount> counts) {
        List<StatsQuery.DayCount> copy = new ArrayList<>(counts);
        copy.sort(Comparator.comparing(StatsQuery.DayCount::toString));
        return copy;
    }
}
