package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.StatsQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each asked day's pieces, signs summed, cover exactly its own hours, and few hourly ones. */
class UtcDaySplitTest {
    private static final LocalDate FROM = LocalDate.parse("2026-03-25");
    private static final LocalDate TO = LocalDate.parse("2026-04-02");

    @Test
    void everyHourCountsOnceForItsOwnDayAndNeverForAnother() {
        for (String tz : List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati",
                "Etc/GMT+12", "Etc/GMT-12", "Australia/Sydney")) {
            StatsQuery query = new StatsQuery(FROM, TO, ZoneId.of(tz), null, true, false);
            UtcDaySplit split = UtcDaySplit.of(query.days());
            for (StatsQuery.StatsDay day : query.days()) {
                for (Instant h = day.start().minus(3, ChronoUnit.DAYS); h.isBefore(day.end().plus(3, ChronoUnit.DAYS));
                     h = h.plus(1, ChronoUnit.HOURS)) {
                    boolean inside = !h.isBefore(day.start()) && h.isBefore(day.end());
                    assertEquals(inside ? 1 : 0, weight(split, day.day(), h), tz + " " + day + " hour " + h);
                }
            }
        }
    }

    private static int weight(UtcDaySplit split, LocalDate day, Instant hour) {
        LocalDate utc = LocalDate.ofInstant(hour, ZoneOffset.UTC);
        int wholes = split.wholes().stream().filter(w -> w.day().equals(day) && w.utcDay().equals(utc))
                .mapToInt(UtcDaySplit.Whole::sign).sum();
        int hours = split.hours().stream().filter(p -> p.day().equals(day) && !hour.isBefore(p.from())
                && hour.isBefore(p.to())).mapToInt(UtcDaySplit.Hours::sign).sum();
        return wholes + hours;
    }

    @Test
    void aUtcDayIsOneWholeDayAndAnyOtherZoneAtMostTwelveHoursAnEdge() {
        UtcDaySplit utc = UtcDaySplit.of(new StatsQuery(FROM, TO, ZoneOffset.UTC, null, true, false).days());
        assertEquals(9, utc.wholes().size());
        assertEquals(List.of(), utc.hours());

        UtcDaySplit moscow = UtcDaySplit.of(new StatsQuery(FROM, FROM, ZoneId.of("Europe/Moscow"), null, true, false).days());
        assertEquals(List.of(new UtcDaySplit.Whole(FROM, FROM, 1)), moscow.wholes());
        assertEquals(List.of(new UtcDaySplit.Hours(FROM, Instant.parse("2026-03-24T21:00:00Z"),
                Instant.parse("2026-03-25T00:00:00Z"), 1), new UtcDaySplit.Hours(FROM,
                Instant.parse("2026-03-25T21:00:00Z"), Instant.parse("2026-03-26T00:00:00Z"), -1)), moscow.hours());

        for (String tz : List.of("Asia/Tokyo", "Pacific/Kiritimati", "Etc/GMT+12", "Etc/GMT-12", "America/New_York")) {
            for (UtcDaySplit.Hours p : UtcDaySplit.of(new StatsQuery(FROM, TO, ZoneId.of(tz), null, true, false).days())
                    .hours()) {
                assertTrue(!p.to().isAfter(p.from().plus(12, ChronoUnit.HOURS)), tz + " " + p);
            }
        }
    }
}
