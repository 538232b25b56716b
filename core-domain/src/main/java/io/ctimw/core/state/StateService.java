package io.ctimw.core.state;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.StateUseCase;

/** Hands an agent its own state, keyed by the session's login alone; the same grant as reading its events. */
public final class StateService implements StateUseCase {
    private final StateProjection projection;
    private final AccessGuard access;

    public StateService(StateProjection projection, AccessGuard access) {
        this.projection = projection;
        this.access = access;
    }

    @Override
    public AgentState state(Session session) {
        access.require(session, Grant.EVENTS);
        return projection.current(session.login());
    }
}
