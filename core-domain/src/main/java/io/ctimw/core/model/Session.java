package io.ctimw.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent's logged-in session. {@code deliveredCursor} is where {@code GET /events} without
 * {@code after} resumes: the last event cursor handed out to this session.
 */
public record Session(TokenHash tokenHash, Login login, Instant createdAt, Instant lastSeenAt,
                      Instant expiresAt, long deliveredCursor) {
    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (deliveredCursor < 0) {
            throw new IllegalArgumentException("deliveredCursor must not be negative");
        }
    }

    /** Live while neither the absolute expiry nor the idle timeout has passed. */
    public boolean isLive(Instant now, Duration idleTimeout) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }

    public Session seenAt(Instant now) {
        return new Session(tokenHash, login, createdAt, now, expiresAt, deliveredCursor);
    }

    public Session deliveredUpTo(long cursor) {
        return cursor <= deliveredCursor ? this
                : new Session(tokenHash, login, createdAt, lastSeenAt, expiresAt, cursor);
    }
}
