package io.ctimw.core.model;

import java.time.Instant;

/**
 * A page of the request log, newest first: lines of {@code login} (null: anyone), with a status in
 * {@code [minStatus, maxStatus]}, that arrived in {@code [from, to)} (either may be null), older than
 * {@code before} (null: from the newest), at most {@code limit}.
 */
public record RequestLogQuery(Login login, int minStatus, int maxStatus, Instant from, Instant to, int limit,
                              RequestCursor before) {
    public static final int MAX_LIMIT = 1000;

    public RequestLogQuery {
        if (minStatus < 100 || maxStatus > 599 || minStatus > maxStatus) {
            throw new IllegalArgumentException("status range must lie in 100-599");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Whether {@code line} is on this query's pages (what the store's where clause says). */
    public boolean matches(LoggedRequest line) {
        ApiRequest r = line.request();
        return (login == null || login.equals(r.login())) && r.status() >= minStatus && r.status() <= maxStatus
                && (from == null || !line.at().isBefore(from)) && (to == null || line.at().isBefore(to))
                && (before == null || line.at().isBefore(before.at())
                    || line.at().equals(before.at()) && line.id() < before.id());
    }
}
