package io.ctimw.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the daily statistics are asked for: the days {@code from}..{@code to} (inclusive) as they are in
 * {@code zone}, the calls of {@code login} only (null: everyone), split per login and/or per method or not.
 * Counters are kept per UTC hour, so a zone is accepted only where its offset is whole hours on every
 * day boundary of the range (the message starts with the parameter at fault).
 */
public record StatsQuery(LocalDate from, LocalDate to, ZoneId zone, Login login, boolean byLogin, boolean byMethod) {
    public static final int MAX_DAYS = 366;

    public StatsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("to: at most " + MAX_DAYS + " days at once");
        }
        for (LocalDate d = from; !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
            int offset = zone.getRules().getOffset(d.atStartOfDay(zone).toInstant()).getTotalSeconds();
            if (offset % 3600 != 0) {
                throw new IllegalArgumentException("tz: " + zone + " is not a whole number of hours from UTC on " + d
                        + " (counters are kept per UTC hour)");
            }
        }
    }

    /** Each day of the range with the instants it starts and ends at in the zone (23 or 25 hours on DST days). */
    public List<StatsDay> days() {
        List<StatsDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new StatsDay(d, start(d), start(d.plusDays(1))));
        }
        return days;
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** One day of the query: the hours in {@code [start, end)} count for it. */
    public record StatsDay(LocalDate day, Instant start, Instant end) {
        public StatsDay {
            Objects.requireNonNull(day, "day");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a day must start before it ends");
            }
        }
    }

    /** A sum read back: the calls of one day (of login, to method: null when not split) answered status. */
    public record DayCount(LocalDate day, Login login, String method, int status, long calls) {
        public DayCount {
            Objects.requireNonNull(day, "day");
        }
    }
}
