package io.ctimw.core.port.out;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import java.time.Instant;
import java.util.List;

/**
 * Where the request log and the hourly counters of the daily statistics are kept. Every method may throw
 * {@link StoreUnavailableException} when the database cannot be reached.
 */
public interface RequestLogStore {
    /**
     * Stores a batch of log lines and adds the counter increments, atomically: a batch is counted
     * exactly when it is logged. Counters with the same key already stored are added to.
     */
    void append(List<LoggedRequest> lines, List<RequestCount> increments);

    /** A page of {@code query}, newest first by (at, id). */
    List<LoggedRequest> find(RequestLogQuery query);

    /**
     * The counters summed per day of {@code days} (an hour counts for the day whose [start, end) holds it),
     * per status, and per login / per method only when asked (else those are null); only {@code login}'s
     * calls when it is not null. Days and statuses without calls are left out.
     */
    List<StatsQuery.DayCount> countsPerDay(List<StatsQuery.StatsDay> days, Login login, boolean byLogin,
                                           boolean byMethod);

    /** Deletes log lines that arrived before {@code cutoff}; returns how many. */
    int deleteLinesBefore(Instant cutoff);

    /** Deletes the counters of hours that started before {@code cutoff}; returns how many. */
    int deleteCountsBefore(Instant cutoff);
}
