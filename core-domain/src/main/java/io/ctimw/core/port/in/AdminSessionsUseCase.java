package io.ctimw.core.port.in;

import io.ctimw.core.model.AdminOutcome;
import io.ctimw.core.model.LiveSession;
import io.ctimw.core.model.Session;
import java.util.List;

/**
 * Administrators seeing who is logged in and ending a session. Every method first checks that the
 * caller is an administrator ({@link AccessDeniedException} otherwise).
 */
public interface AdminSessionsUseCase {
    /** The live sessions, ordered by login then login time. */
    List<LiveSession> list(Session caller);

    /**
     * Ends the live session with this {@link Session#id()} on this instance and in the store (its next
     * request is 401) and releases the phone if it was the login's last session.
     */
    AdminOutcome<Session> end(Session caller, String sessionId);
}
