package io.ctimw.adapters.postgres;

import io.ctimw.core.model.StatsQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits each asked day [start, end) into whole UTC days (read from the daily counters) plus or minus the
 * hours between its edges and the UTC midnights nearest to them (read from the hourly ones):
 * [s, e) = [m(s), m(e)) + [s, m(s)) + [m(e), e), a piece whose end is before its start counting negatively.
 * An edge is at most 12 hours from its nearest midnight, so a day in any zone reads at most 24 hours of
 * hourly counters, and a UTC day none.
 */
record UtcDaySplit(List<Whole> wholes, List<Hours> hours) {
    private static final Duration HALF_DAY = Duration.ofHours(12);

    /** The UTC day {@code utcDay} counts {@code sign} times for the asked day {@code day}. */
    record Whole(LocalDate day, LocalDate utcDay, int sign) {
    }

    /** The hours in [from, to) count {@code sign} times for the asked day {@code day}. */
    record Hours(LocalDate day, Instant from, Instant to, int sign) {
    }

    static UtcDaySplit of(List<StatsQuery.StatsDay> days) {
        List<Whole> wholes = new ArrayList<>();
        List<Hours> hours = new ArrayList<>();
        for (StatsQuery.StatsDay d : days) {
            Instant first = nearestMidnight(d.start());
            Instant last = nearestMidnight(d.end());
            int sign = first.isBefore(last) ? 1 : -1;
            LocalDate from = utcDate(sign > 0 ? first : last);
            LocalDate to = utcDate(sign > 0 ? last : first);
            for (LocalDate u = from; u.isBefore(to); u = u.plusDays(1)) {
                wholes.add(new Whole(d.day(), u, sign));
            }
            addHours(hours, d.day(), d.start(), first);
            addHours(hours, d.day(), last, d.end());
        }
        return new UtcDaySplit(List.copyOf(wholes), List.copyOf(hours));
    }

    /** Adds the signed piece [from, to): nothing when they are equal, negative when {@code to} is first. */
    private static void addHours(List<Hours> hours, LocalDate day, Instant from, Instant to) {
        int order = from.compareTo(to);
        if (order < 0) {
            hours.add(new Hours(day, from, to, 1));
        } else if (order > 0) {
            hours.add(new Hours(day, to, from, -1));
        }
    }

    /** The UTC midnight nearest to {@code t}; the earlier one when both are 12 hours away. */
    static Instant nearestMidnight(Instant t) {
        Instant before = t.truncatedTo(ChronoUnit.DAYS);
        return Duration.between(before, t).compareTo(HALF_DAY) <= 0 ? before : before.plus(Duration.ofDays(1));
    }

    private static LocalDate utcDate(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
