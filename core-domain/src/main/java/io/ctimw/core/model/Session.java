package io.ctimw.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent's logged-in session. {@code deliveredCursor} is where {@code GET /events} without
 * {@code after} resumes: the last event cursor handed out to this session. {@code clientAddress} is
 * where the login came from (shown to administrators); null when unknown.
 */
public record Session(TokenHash tokenHash, Login login, Instant createdAt, Instant lastSeenAt,
                      Instant expiresAt, long deliveredCursor, String clientAddress) {
    /** 64 bits: no two live sessions share an id in practice, and the log tag (8) is its prefix. */
    public static final int ID_LENGTH = 16;

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

    /** A session whose client address is not known. */
    public Session(TokenHash tokenHash, Login login, Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                   long deliveredCursor) {
        this(tokenHash, login, createdAt, lastSeenAt, expiresAt, deliveredCursor, null);
    }

    /** The id administrators name the session by: not the token hash, only its first 16 characters. */
    public String id() {
        return tokenHash.hex().substring(0, ID_LENGTH);
    }

    /** Live while neither the absolute expiry nor the idle timeout has passed. */
    public boolean isLive(Instant now, Duration idleTimeout) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }

    public Session seenAt(Instant now) {
        return new Session(tokenHash, login, createdAt, now, expiresAt, deliveredCursor, clientAddress);
    }

    public Session deliveredUpTo(long cursor) {
        return cursor <= deliveredCursor ? this
                : new Session(tokenHash, login, createdAt, lastSeenAt, expiresAt, cursor, clientAddress);
    }
}
