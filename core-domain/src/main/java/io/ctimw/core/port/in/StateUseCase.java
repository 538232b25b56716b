package io.ctimw.core.port.in;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.Session;

/** An agent reading where its own phone stands, with the cursor its event stream continues from. */
public interface StateUseCase {
    /**
     * The session's login's state after its stored events up to the returned cursor.
     *
     * @throws AccessDeniedException without the {@code events} grant
     */
    AgentState state(Session session);
}
