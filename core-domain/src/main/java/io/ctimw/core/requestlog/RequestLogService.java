package io.ctimw.core.requestlog;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.in.RequestLogUseCase;
import io.ctimw.core.port.out.RequestLogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The request log's use cases: every answered request goes to the {@link RequestRecorder}; the admin
 * reads (log pages, daily statistics from the counters, never the log) are checked by the
 * {@link AccessGuard} first; housekeeping deletes what is past retention.
 */
public final class RequestLogService implements RequestLogUseCase {
    private final RequestRecorder recorder;
    private final RequestLogStore store;
    private final AccessGuard access;
    private final Clock clock;
    private final boolean enabled;
    private final Supplier<Duration> retention;
    private final Supplier<Duration> countsRetention;

    /** @param retention how long log lines are kept, read at each round (a live setting may change it) */
    public RequestLogService(RequestRecorder recorder, RequestLogStore store, AccessGuard access, Clock clock,
                             boolean enabled, Supplier<Duration> retention, Supplier<Duration> countsRetention) {
        this.recorder = recorder;
        this.store = store;
        this.access = access;
        this.clock = clock;
        this.enabled = enabled;
        this.retention = retention;
        this.countsRetention = countsRetention;
    }

    @Override
    public void record(ApiRequest request) {
        if (enabled) {
            recorder.record(request);
        }
    }

    @Override
    public List<LoggedRequest> requests(Session caller, RequestLogQuery query) {
        access.requireAdmin(caller);
        return store.find(query);
    }

    @Override
    public DailyReport dailyStatistics(Session caller, StatsQuery query) {
        access.requireAdmin(caller);
        return DailyStatistics.report(query, store.countsPerDay(query.days(), query.login(), query.byLogin(),
                query.byMethod()));
    }

    /** One housekeeping round's share: deletes log lines and counters past retention; returns the lines deleted. */
    public int purge() {
        Instant now = clock.instant();
        int lines = store.deleteLinesBefore(now.minus(retention.get()));
        store.deleteCountsBefore(now.minus(countsRetention.get()));
        return lines;
    }
}
