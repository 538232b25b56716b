package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.port.out.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do; extend it with a factory for the implementation under test.
 * Liveness follows {@link Session#isLive}: live while {@code now < expiresAt} and
 * {@code lastSeenAt > idleBefore}, so the boundaries themselves count as expired.
 */
public abstract class SessionStoreContract {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.654321Z");
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Instant IDLE_BEFORE = NOW.minus(IDLE);

    private SessionStore store;
    private int tokens;

    /** A fresh store with no sessions in it. */
    protected abstract SessionStore newEmptyStore();

    @BeforeEach
    void createStore() {
        store = newEmptyStore();
    }

    private TokenHash nextHash() {
        return new TokenHash(String.format("%064x", ++tokens));
    }

    private Session session(String login, Instant lastSeenAt, Instant expiresAt) {
        return new Session(nextHash(), new Login(login), NOW.minus(Duration.ofHours(1)), lastSeenAt, expiresAt, 0);
    }

    private Session live(String login) {
        return session(login, NOW.minusSeconds(5), NOW.plus(Duration.ofHours(8)));
    }

    private Session stored(Session s) {
        return store.find(s.tokenHash()).orElseThrow();
    }

    private static List<Session> sorted(List<Session> sessions) {
        return sessions.stream().sorted(Comparator.comparing(s -> s.tokenHash().hex())).toList();
    }

    @Test
    void aSavedSessionIsFoundWithEveryField() {
        Session s = new Session(nextHash(), new Login("alice"), NOW.minusSeconds(60), NOW.minusSeconds(1),
                NOW.plus(Duration.ofHours(8)), 42);
        store.save(s);
        assertEquals(Optional.of(s), store.find(s.tokenHash()));
        assertEquals(Optional.empty(), store.find(nextHash()));
    }

    @Test
    void savingTheSameTokenHashAgainReplacesTheSession() {
        Session first = live("alice");
        store.save(first);
        Session second = new Session(first.tokenHash(), first.login(), first.createdAt(), NOW,
                first.expiresAt(), 7);
        store.save(second);
        assertEquals(second, stored(first));
    }

    @Test
    void touchMovesLastSeenForwardButNeverBack() {
        Session s = live("alice");
        store.save(s);
        Instant later = s.lastSeenAt().plusMillis(1500);
        store.touch(s.tokenHash(), later);
        assertEquals(later, stored(s).lastSeenAt());
        store.touch(s.tokenHash(), later.minusSeconds(60));
        assertEquals(later, stored(s).lastSeenAt());
        assertEquals(s.expiresAt(), stored(s).expiresAt());
    }

    @Test
    void touchOnlyAffectsItsOwnSession() {
        Session a = live("alice");
        Session b = live("alice");
        store.save(a);
        store.save(b);
        store.touch(a.tokenHash(), NOW.plusSeconds(10));
        assertEquals(b, stored(b));
    }

    @Test
    void touchingOrAdvancingAnUnknownSessionCreatesNothing() {
        TokenHash ghost = nextHash();
        store.touch(ghost, NOW);
        store.advanceCursors(java.util.Map.of(ghost, 5L));
        assertEquals(Optional.empty(), store.find(ghost));
    }

    @Test
    void theDeliveredCursorOnlyMovesForward() {
        Session s = live("alice");
        store.save(s);
        store.advanceCursors(java.util.Map.of(s.tokenHash(), 10L));
        assertEquals(10, stored(s).deliveredCursor());
        store.advanceCursors(java.util.Map.of(s.tokenHash(), 3L));
        assertEquals(10, stored(s).deliveredCursor());
        store.advanceCursors(java.util.Map.of(s.tokenHash(), 11L));
        assertEquals(11, stored(s).deliveredCursor());
        assertEquals(s.lastSeenAt(), stored(s).lastSeenAt());
    }

    @Test
    void manyCursorsMoveInOneCallEachOnlyForward() {
        Session a = live("alice");
        Session b = live("bob");
        Session c = live("carol");
        store.save(a);
        store.save(b);
        store.save(c);
        store.advanceCursors(java.util.Map.of(b.tokenHash(), 20L));
        store.advanceCursors(java.util.Map.of(a.tokenHash(), 7L, b.tokenHash(), 5L, nextHash(), 9L));
        assertEquals(7, stored(a).deliveredCursor());
        assertEquals(20, stored(b).deliveredCursor(), "never backwards");
        assertEquals(0, stored(c).deliveredCursor(), "untouched");
        store.advanceCursors(java.util.Map.of());
    }

    @Test
    void deleteRemovesOneSessionAndSaysWhetherItExisted() {
        Session a = live("alice");
        Session b = live("alice");
        store.save(a);
        store.save(b);
        assertTrue(store.delete(a.tokenHash()));
        assertFalse(store.delete(a.tokenHash()));
        assertEquals(Optional.empty(), store.find(a.tokenHash()));
        assertEquals(Optional.of(b), store.find(b.tokenHash()));
    }

    @Test
    void deleteExpiredRemovesExactlyTheSessionsThatAreNoLongerLive() {
        Session live = live("alice");
        Session justLive = session("bob", IDLE_BEFORE.plusNanos(1000), NOW.plusNanos(1000));
        Session pastAbsolute = session("carol", NOW.minusSeconds(1), NOW.minusNanos(1000));
        Session atAbsolute = session("dave", NOW.minusSeconds(1), NOW);
        Session idle = session("erin", IDLE_BEFORE.minusSeconds(1), NOW.plus(Duration.ofHours(1)));
        Session atIdle = session("frank", IDLE_BEFORE, NOW.plus(Duration.ofHours(1)));
        List.of(live, justLive, pastAbsolute, atAbsolute, idle, atIdle).forEach(store::save);

        List<Session> expired = store.deleteExpired(NOW, IDLE_BEFORE);

        assertEquals(sorted(List.of(pastAbsolute, atAbsolute, idle, atIdle)), sorted(expired));
        assertEquals(Optional.of(live), store.find(live.tokenHash()));
        assertEquals(Optional.of(justLive), store.find(justLive.tokenHash()));
        assertEquals(Optional.empty(), store.find(atIdle.tokenHash()));
        assertEquals(List.of(), store.deleteExpired(NOW, IDLE_BEFORE));
    }

    @Test
    void liveSessionsMatchSessionIsLive() {
        Session live = live("alice");
        Session expired = session("bob", NOW.minusSeconds(1), NOW);
        Session idle = session("carol", IDLE_BEFORE, NOW.plusSeconds(60));
        List.of(live, expired, idle).forEach(store::save);
        for (Session s : List.of(live, expired, idle)) {
            boolean listed = store.loginsWithLiveSessions(NOW, IDLE_BEFORE).contains(s.login());
            assertEquals(s.isLive(NOW, IDLE), listed, s.login() + " listed");
        }
    }

    @Test
    void aLoginIsLiveWhenAnyOfItsSessionsIsLive() {
        store.save(session("alice", IDLE_BEFORE.minusSeconds(1), NOW.plusSeconds(60)));
        store.save(live("alice"));
        store.save(session("bob", NOW, NOW.minusSeconds(1)));
        store.save(live("carol"));
        assertEquals(Set.of(new Login("alice"), new Login("carol")), store.loginsWithLiveSessions(NOW, IDLE_BEFORE));
        assertEquals(Set.of(), store.loginsWithLiveSessions(NOW.plus(Duration.ofDays(1)), NOW));
    }

    @Test
    void deleteAllOfRemovesEveryOneOfThatLoginsSessionsAndNoOther() {
        Session a1 = live("alice");
        Session a2 = session("alice", NOW, NOW.minusSeconds(1));
        Session b = live("bob");
        List.of(a1, a2, b).forEach(store::save);

        assertEquals(sorted(List.of(a1, a2)), sorted(store.deleteAllOf(new Login("alice"))));
        assertEquals(Optional.empty(), store.find(a1.tokenHash()));
        assertEquals(Optional.empty(), store.find(a2.tokenHash()));
        assertEquals(Optional.of(b), store.find(b.tokenHash()));
        assertEquals(List.of(), store.deleteAllOf(new Login("alice")));
    }

    @Test
    void theClientAddressIsKept() {
        Session s = new Session(nextHash(), new Login("alice"), NOW.minusSeconds(60), NOW.minusSeconds(1),
                NOW.plus(Duration.ofHours(8)), 3, "2001:db8::7");
        store.save(s);
        assertEquals(Optional.of(s), store.find(s.tokenHash()));
        assertEquals(List.of(s), store.live(NOW, IDLE_BEFORE));
    }

    @Test
    void liveListsOnlyLiveSessionsByLoginThenLoginTime() {
        Session bob = live("bob");
        Session aliceLater = new Session(nextHash(), new Login("alice"), NOW.minusSeconds(10), NOW.minusSeconds(1),
                NOW.plus(Duration.ofHours(8)), 0);
        Session aliceEarlier = new Session(nextHash(), new Login("alice"), NOW.minusSeconds(20), NOW.minusSeconds(1),
                NOW.plus(Duration.ofHours(8)), 0);
        for (Session s : List.of(bob, aliceLater, aliceEarlier, session("carol", IDLE_BEFORE, NOW.plusSeconds(60)),
                session("dave", NOW.minusSeconds(1), NOW))) {
            store.save(s);
        }
        assertEquals(List.of(aliceEarlier, aliceLater, bob), store.live(NOW, IDLE_BEFORE));
    }
}
