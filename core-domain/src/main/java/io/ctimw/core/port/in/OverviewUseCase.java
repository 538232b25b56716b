package io.ctimw.core.port.in;

import io.ctimw.core.model.Overview;
import io.ctimw.core.model.Session;

/** The administrators' dashboard figures: link, database, who is online, event flow. */
public interface OverviewUseCase {
    /** @throws AccessDeniedException when the caller is not an administrator */
    Overview overview(Session caller);
}
