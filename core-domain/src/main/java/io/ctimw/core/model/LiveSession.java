package io.ctimw.core.model;

import java.util.Objects;

/**
 * A logged-in session as administrators see it; {@code cursorLag} is how many cursor positions the
 * login's newest stored event is ahead of what the session was handed (0 when it is up to date).
 */
public record LiveSession(Session session, long cursorLag) {
    public LiveSession {
        Objects.requireNonNull(session, "session");
        if (cursorLag < 0) {
            throw new IllegalArgumentException("cursorLag must not be negative");
        }
    }
}
