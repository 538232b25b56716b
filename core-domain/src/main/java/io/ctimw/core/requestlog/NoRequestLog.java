package io.ctimw.core.requestlog;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.RequestCount;
import io.ctimw.core.model.RequestLogQuery;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.port.out.RequestLogStore;
import java.time.Instant;
import java.util.List;

/** The store of a core built without a request log (command-line tools, tests of other parts): keeps nothing. */
public final class NoRequestLog implements RequestLogStore {
    @Override
    public void append(List<LoggedRequest> lines, List<RequestCount> increments) {
        // nothing is kept
    }

    @Override
    public List<LoggedRequest> find(RequestLogQuery query) {
        return List.of();
    }

    @Override
    public List<StatsQuery.DayCount> countsPerDay(List<StatsQuery.StatsDay> days, Login login, boolean byLogin,
                                                  boolean byMethod) {
        return List.of();
    }

    @Override
    public int deleteLinesBefore(Instant cutoff) {
        return 0;
    }

    @Override
    public int deleteCountsBefore(Instant cutoff) {
        return 0;
    }
}
