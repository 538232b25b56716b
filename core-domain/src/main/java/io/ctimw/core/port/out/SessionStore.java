package io.ctimw.core.port.out;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Persisted sessions, looked up by token hash; they survive a middleware restart. */
public interface SessionStore {
    void save(Session session);

    Optional<Session> find(TokenHash tokenHash);

    /** Records activity; never moves {@code lastSeenAt} backwards. */
    void touch(TokenHash tokenHash, Instant lastSeenAt);

    /**
     * Moves delivery positions forward, many sessions in one call (they are written behind, in
     * batches); a cursor smaller than the stored one is ignored, unknown sessions are skipped.
     */
    void advanceCursors(Map<TokenHash, Long> cursors);

    /** @return true when a session was removed */
    boolean delete(TokenHash tokenHash);

    /** Deletes every session no longer live: {@code expiresAt <= now} or {@code lastSeenAt <= idleBefore}. */
    List<Session> deleteExpired(Instant now, Instant idleBefore);

    /** Logins with at least one live session: {@code expiresAt > now} and {@code lastSeenAt > idleBefore}. */
    Set<Login> loginsWithLiveSessions(Instant now, Instant idleBefore);

    /** Removes all sessions of a login (used when a user is disabled). */
    List<Session> deleteAllOf(Login login);

    /** The live sessions ({@code expiresAt > now} and {@code lastSeenAt > idleBefore}), by login then creation. */
    List<Session> live(Instant now, Instant idleBefore);
}
