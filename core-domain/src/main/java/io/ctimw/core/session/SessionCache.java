package io.ctimw.core.session;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Sessions in memory, so authenticating a request costs no database round trip, plus recently ended
 * tokens (so a request racing with a logout cannot put the session back). Hand-rolled rather than a
 * caching library: expiry follows each session's own idle/absolute deadlines (not access time), entries
 * are merged rather than replaced, and the core depends on nothing but the JDK. Every session it sees
 * end is reported, so the session's open event streams end too.
 */
public final class SessionCache {
    private final Map<TokenHash, Session> sessions = new ConcurrentHashMap<>();
    private final Map<TokenHash, Instant> ended = new ConcurrentHashMap<>();
    private final BiConsumer<TokenHash, StreamEnd> endings;

    public SessionCache() {
        this((hash, why) -> { });
    }

    /** @param endings told of each session that ends here, and why */
    public SessionCache(BiConsumer<TokenHash, StreamEnd> endings) {
        this.endings = endings;
    }

    Session get(TokenHash hash) {
        return sessions.get(hash);
    }

    void put(Session session) {
        sessions.put(session.tokenHash(), session);
    }

    /** Gone (expired, or deleted by another instance). */
    void remove(TokenHash hash) {
        sessions.remove(hash);
        endings.accept(hash, StreamEnd.SESSION_ENDED);
    }

    boolean isEnded(TokenHash hash) {
        return ended.containsKey(hash);
    }

    /** Ended (logged out, or by an administrator): forgotten, and kept out until the tombstone ages away. */
    void end(TokenHash hash, Instant at, StreamEnd why) {
        ended.put(hash, at);
        sessions.remove(hash);
        endings.accept(hash, why);
    }

    /** Ends every cached session of the login (blocked, re-keyed): none of them is served again. */
    void endAllOf(Login login, Instant at) {
        sessions.values().stream().filter(s -> s.login().equals(login)).map(Session::tokenHash).toList()
                .forEach(hash -> end(hash, at, StreamEnd.SESSION_ENDED));
    }

    /**
     * Merges what a request saw with what is cached (newest "last seen", furthest cursor: a
     * concurrent request may have moved it); null when the session was ended meanwhile.
     */
    Session merge(Session seen) {
        Session merged = sessions.merge(seen.tokenHash(), seen, SessionCache::newest);
        if (ended.containsKey(seen.tokenHash())) {
            sessions.remove(seen.tokenHash());
            return null;
        }
        return merged;
    }

    /** The session's delivery position moved on: a later merge must not move it back. */
    void delivered(TokenHash hash, long cursor) {
        sessions.computeIfPresent(hash, (h, s) -> s.deliveredUpTo(cursor));
    }

    /** Drops sessions no longer live and tombstones old enough that no racing request survives them. */
    void evict(Instant now, Duration idleTimeout, Duration tombstoneAge) {
        sessions.values().stream().filter(s -> !s.isLive(now, idleTimeout)).map(Session::tokenHash).toList()
                .forEach(this::remove);
        ended.values().removeIf(at -> at.isBefore(now.minus(tombstoneAge)));
    }

    private static Session newest(Session a, Session b) {
        Session later = a.lastSeenAt().isAfter(b.lastSeenAt()) ? a : b;
        return later.deliveredUpTo(Math.max(a.deliveredCursor(), b.deliveredCursor()));
    }
}
