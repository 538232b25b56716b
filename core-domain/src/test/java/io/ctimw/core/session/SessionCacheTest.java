package io.ctimw.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.TokenHash;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Merging keeps the newest "last seen" and the furthest cursor; ended tokens stay out until their tombstone ages. */
class SessionCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final TokenHash HASH = new TokenHash("1".repeat(64));
    private final SessionCache cache = new SessionCache();

    private static Session session(Instant lastSeen, long cursor) {
        return new Session(HASH, new Login("agent1"), T0, lastSeen, T0.plus(Duration.ofHours(8)), cursor);
    }

    @Test
    void mergeKeepsTheNewestLastSeenAndTheFurthestCursor() {
        cache.put(session(T0.plusSeconds(60), 5));
        Session merged = cache.merge(session(T0.plusSeconds(30), 9));
        assertEquals(T0.plusSeconds(60), merged.lastSeenAt());
        assertEquals(9, merged.deliveredCursor());
        assertEquals(merged, cache.get(HASH));

        Session later = cache.merge(session(T0.plusSeconds(90), 2));
        assertEquals(T0.plusSeconds(90), later.lastSeenAt());
        assertEquals(9, later.deliveredCursor(), "a stale request must not move the cursor back");
    }

    @Test
    void aDeliveredCursorOnlyMovesForward() {
        cache.put(session(T0, 5));
        cache.delivered(HASH, 3);
        assertEquals(5, cache.get(HASH).deliveredCursor());
        cache.delivered(HASH, 8);
        assertEquals(8, cache.get(HASH).deliveredCursor());
        cache.delivered(new TokenHash("2".repeat(64)), 8); // unknown: nothing to move
        assertNull(cache.get(new TokenHash("2".repeat(64))));
    }

    @Test
    void anEndedSessionCannotBeMergedBack() {
        cache.put(session(T0, 0));
        cache.end(HASH, T0, StreamEnd.LOGGED_OUT);
        assertTrue(cache.isEnded(HASH));
        assertNull(cache.get(HASH));
        assertNull(cache.merge(session(T0.plusSeconds(1), 0)), "a request racing the logout must not revive it");
        assertNull(cache.get(HASH));
    }

    @Test
    void everyEndingIsReportedWithItsReasonSoOpenStreamsEnd() {
        List<String> endings = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionCache reporting = new SessionCache((hash, why) -> endings.add(hash.hex().charAt(0) + " " + why));
        reporting.put(session(T0, 0));
        reporting.end(new TokenHash("3".repeat(64)), T0, StreamEnd.LOGGED_OUT);
        reporting.remove(new TokenHash("4".repeat(64)));
        reporting.evict(T0.plus(IDLE).plusSeconds(1), IDLE, Duration.ofMinutes(40));
        assertEquals(List.of("3 LOGGED_OUT", "4 SESSION_ENDED", HASH.hex().charAt(0) + " SESSION_ENDED"), endings);
    }

    @Test
    void evictionDropsDeadSessionsAndOldTombstonesOnly() {
        cache.put(session(T0, 0));
        TokenHash ended = new TokenHash("3".repeat(64));
        cache.end(ended, T0, StreamEnd.LOGGED_OUT);

        cache.evict(T0.plus(IDLE).minusSeconds(1), IDLE, Duration.ofMinutes(40));
        assertSame(HASH, cache.get(HASH).tokenHash(), "still live one second before its idle timeout");
        assertTrue(cache.isEnded(ended));

        cache.evict(T0.plus(IDLE), IDLE, Duration.ofMinutes(40));
        assertNull(cache.get(HASH), "idle for exactly the timeout: no longer live");
        assertTrue(cache.isEnded(ended), "tombstone not yet 40 minutes old");

        cache.evict(T0.plus(Duration.ofMinutes(40)).plusMillis(1), IDLE, Duration.ofMinutes(40));
        assertFalse(cache.isEnded(ended));
    }

    @Test
    void removeForgetsWithoutATombstone() {
        cache.put(session(T0, 0));
        cache.remove(HASH);
        assertNull(cache.get(HASH));
        assertFalse(cache.isEnded(HASH));
        assertEquals(session(T0, 0), cache.merge(session(T0, 0)));
    }
}
