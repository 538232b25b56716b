package io.ctimw.core.requestlog;

import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestCount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rolls a batch of log lines up into counter increments, one per (UTC hour, login, method, status): the
 * store then does one upsert per group, not one per request. The groups come in key order, so two
 * instances adding to the same counters lock them in the same order (no deadlock).
 */
final class HourlyCounts {
    private record Key(Instant hour, String login, String method, int status) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::hour).thenComparing(Key::login)
            .thenComparing(Key::method).thenComparingInt(Key::status);

    private HourlyCounts() {
    }

    static List<RequestCount> of(List<LoggedRequest> lines) {
        Map<Key, Long> counts = new TreeMap<>(ORDER);
        Map<String, io.ctimw.core.model.Login> logins = new TreeMap<>();
        for (LoggedRequest line : lines) {
            var login = line.request().login();
            String name = login == null ? "" : login.value();
            if (login != null) {
                logins.putIfAbsent(name, login);
            }
            counts.merge(new Key(line.at().truncatedTo(ChronoUnit.HOURS), name, line.request().apiMethod(),
                    line.request().status()), 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> new RequestCount(e.getKey().hour(), logins.get(e.getKey().login()),
                e.getKey().method(), e.getKey().status(), e.getValue())).toList();
    }
}
