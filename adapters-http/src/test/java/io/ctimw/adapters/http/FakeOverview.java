package io.ctimw.adapters.http;

import io.ctimw.core.model.Overview;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.OverviewUseCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The dashboard's figures as set by the test; refused like the core refuses a non-administrator while {@code deny}. */
final class FakeOverview implements OverviewUseCase {
    static final Overview FIGURES = new Overview(Instant.parse("2026-11-29T17:05:00Z"), true, true,
            Instant.parse("2026-11-29T16:58:12.250Z"), Instant.parse("2026-11-29T16:58:12.250Z"), 12, 11, 0, 37.25,
            Duration.ofMillis(18), List.of("Answer", "Hangup", "Hold"));
    volatile Overview figures = FIGURES;
    volatile boolean deny;

    @Override
    public Overview overview(Session caller) {
        if (deny) {
            throw new AccessDeniedException("role admin");
        }
        return figures;
    }
}
