package io.ctimw.core.port.in;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.DailyReport;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StatsQuery;
import java.util.List;

/** The request log and the daily statistics: written for every API request, read by administrators. */
public interface RequestLogUseCase {
    /** Logs an answered request; returns at once (the line is written later, off the caller's thread). */
    void record(ApiRequest request);

    /** @throws AccessDeniedException when the session's user is not an administrator */
    List<LoggedRequest> requests(Session caller, RequestLogQuery query);

    /** @throws AccessDeniedException when the session's user is not an administrator */
    DailyReport dailyStatistics(Session caller, StatsQuery query);
}
