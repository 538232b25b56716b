package io.ctimw.core.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** The daily statistics: for each day asked, the calls, bad calls (4xx/5xx) and the count per status. */
public record DailyReport(LocalDate from, LocalDate to, ZoneId zone, Login login, List<Day> days) {
    public DailyReport {
        Objects.requireNonNull(zone, "zone");
        days = List.copyOf(days);
    }

    /** One day; {@code groups} splits it per login and/or method when asked (else empty). */
    public record Day(LocalDate day, Tally total, List<Group> groups) {
        public Day {
            Objects.requireNonNull(day, "day");
            groups = List.copyOf(groups);
        }
    }

    /** One login and/or method of a day (the part not asked for is null). */
    public record Group(Login login, String method, Tally tally) {
    }

    /** Counts; {@code byStatus} in status order. */
    public record Tally(long calls, long badCalls, SortedMap<Integer, Long> byStatus) {
        public static final Tally NONE = new Tally(0, 0, new TreeMap<>());

        public Tally {
            byStatus = Collections.unmodifiableSortedMap(new TreeMap<>(byStatus));
        }

        public Tally plus(int status, long calls) {
            TreeMap<Integer, Long> next = new TreeMap<>(byStatus);
            next.merge(status, calls, Long::sum);
            return new Tally(this.calls + calls, badCalls + (status >= 400 ? calls : 0), next);
        }
    }
}
