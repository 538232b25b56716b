package io.ctimw.core.requestlog;

import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StatsQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts the per-day sums the store read into the report: every day of the range, days without calls too. */
final class DailyStatistics {
    /** Groups are summed in a hash map and sorted once (by login, then method, nulls first) when the day is done. */
    private record GroupKey(Login login, String method) implements Comparable<GroupKey> {
        @Override
        public int compareTo(GroupKey o) {
            int byLogin = compareNullsFirst(login == null ? null : login.value(), o.login == null ? null : o.login.value());
            return byLogin != 0 ? byLogin : compareNullsFirst(method, o.method);
        }

        private static int compareNullsFirst(String a, String b) {
            return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
        }
    }

    /** A tally being summed: mutable, so tens of thousands of sums cost one map each, not one per sum. */
    private static final class Sums {
        private final TreeMap<Integer, Long> byStatus = new TreeMap<>();
        private long calls;
        private long badCalls;

        Sums add(int status, long n) {
            byStatus.merge(status, n, Long::sum);
            calls += n;
            badCalls += status >= 400 ? n : 0;
            return this;
        }

        DailyReport.Tally tally() {
            return new DailyReport.Tally(calls, badCalls, byStatus);
        }
    }

    private DailyStatistics() {
    }

    static DailyReport report(StatsQuery query, List<StatsQuery.DayCount> counts) {
        Map<LocalDate, Sums> totals = new HashMap<>();
        Map<LocalDate, Map<GroupKey, Sums>> groups = new HashMap<>();
        for (StatsQuery.DayCount c : counts) {
            totals.computeIfAbsent(c.day(), d -> new Sums()).add(c.status(), c.calls());
            if (query.byLogin() || query.byMethod()) {
                groups.computeIfAbsent(c.day(), d -> new HashMap<>())
                        .computeIfAbsent(new GroupKey(c.login(), c.method()), k -> new Sums()).add(c.status(), c.calls());
            }
        }
        List<DailyReport.Day> days = query.days().stream().map(d -> new DailyReport.Day(d.day(),
                totals.containsKey(d.day()) ? totals.get(d.day()).tally() : DailyReport.Tally.NONE,
                groups.getOrDefault(d.day(), Map.of()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new DailyReport.Group(e.getKey().login(), e.getKey().method(), e.getValue().tally()))
                        .toList())).toList();
        return new DailyReport(query.from(), query.to(), query.zone(), query.login(), days);
    }
}
