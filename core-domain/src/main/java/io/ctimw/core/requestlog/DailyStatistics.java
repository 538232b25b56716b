package io.ctimw.core.requestlog;

import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StatsQuery;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts the per-day sums the store read into the report: every day of the range, days without calls too. */
final class DailyStatistics {
    private record GroupKey(String login, String method) {}

    private static final Comparator<GroupKey> ORDER = Comparator
            .comparing(GroupKey::login, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(GroupKey::method, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private DailyStatistics() {
    }

    static DailyReport report(StatsQuery query, List<StatsQuery.DayCount> counts) {
        Map<LocalDate, DailyReport.Tally> totals = new HashMap<>();
        Map<LocalDate, Map<GroupKey, DailyReport.Tally>> groups = new HashMap<>();
        for (StatsQuery.DayCount c : counts) {
            totals.merge(c.day(), DailyReport.Tally.NONE.plus(c.status(), c.calls()), DailyStatistics::sum);
            if (query.byLogin() || query.byMethod()) {
                GroupKey key = new GroupKey(c.login() == null ? null : c.login().value(), c.method());
                groups.computeIfAbsent(c.day(), d -> new TreeMap<>(ORDER))
                        .merge(key, DailyReport.Tally.NONE.plus(c.status(), c.calls()), DailyStatistics::sum);
            }
        }
        List<DailyReport.Day> days = query.days().stream().map(d -> new DailyReport.Day(d.day(),
                totals.getOrDefault(d.day(), DailyReport.Tally.NONE),
                groups.getOrDefault(d.day(), Map.of()).entrySet().stream().map(e -> new DailyReport.Group(
                        e.getKey().login() == null ? null : new Login(e.getKey().login()), e.getKey().method(),
                        e.getValue())).toList())).toList();
        return new DailyReport(query.from(), query.to(), query.zone(), query.login(), days);
    }

    private static DailyReport.Tally sum(DailyReport.Tally a, DailyReport.Tally b) {
        DailyReport.Tally total = a;
        for (Map.Entry<Integer, Long> e : b.byStatus().entrySet()) {
            total = total.plus(e.getKey(), e.getValue());
        }
        return total;
    }
}
