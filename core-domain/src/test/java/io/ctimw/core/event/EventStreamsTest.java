package io.ctimw.core.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StreamEnd;
import io.ctimw.core.model.User;
import io.ctimw.core.port.in.AccessDeniedException;
import io.ctimw.core.port.in.EventStream;
import io.ctimw.core.testing.FakeCtiGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Open event streams: catching up, following, falling behind, and ending with their session. */
class EventStreamsTest {
    private static final Login AGENT1 = new Login("agent1");

    private final CoreFixture f = new CoreFixture();
    private final LoginResult.LoggedIn in = f.login("agent1");
    private final AtomicInteger wakes = new AtomicInteger();
    private final List<StoredEvent> received = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private Session session() {
        return f.session(in);
    }

    private void emit(int count) {
        for (int i = 0; i < count; i++) {
            CallId cid = CallId.ofText("c" + i);
            f.cti.emit(new CtiEvent(AGENT1, "CallStatus", cid, null, null,
                    FakeCtiGateway.eventJson("CallStatus", AGENT1, cid)));
        }
    }

    private List<Long> stored() {
        f.awaitStored();
        return f.events.after(AGENT1, 0, 100_000).stream().map(StoredEvent::cursor).toList();
    }

    /** Takes until the stream has handed over every stored event (as the transport would, on each wake). */
    private List<Long> takeAll(EventStream stream) {
        List<Long> expected = stored();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            received.addAll(stream.take());
            return received.size() >= expected.size();
        });
        assertEquals(expected, received.stream().map(StoredEvent::cursor).toList(), "no gap, no repeat");
        return expected;
    }

    @Test
    void catchesUpFromTheStorePageByPageThenFollowsLiveWithNoGapAndNoRepeat() {
        emit(EventFeed.PAGE * 2 + 7); // three pages of backlog
        f.awaitStored();
        EventStream stream = f.core.streams.open(session(), OptionalLong.of(0), wakes::incrementAndGet);
        emit(25); // while it catches up
        takeAll(stream);
        emit(5); // once it follows
        List<Long> all = takeAll(stream);
        assertTrue(wakes.get() > 0, "the transport was woken, not left to poll");
        assertEquals(all.get(all.size() - 1), session().deliveredCursor(), "taken events move the session's position");
    }

    @Test
    void withoutAfterItStartsWhereTheSessionIs() {
        emit(3);
        List<Long> all = stored();
        f.core.positions.delivered(session(), all.get(1)); // as if a poll had handed out the first two
        EventStream stream = f.core.streams.open(session(), OptionalLong.empty(), () -> { });
        await().until(() -> {
            received.addAll(stream.take());
            return received.size() >= all.size() - 2;
        });
        assertEquals(all.subList(2, all.size()), received.stream().map(StoredEvent::cursor).toList());
    }

    @Test
    void aClientThatTakesNothingIsCutAsSlowAndResumesByCursor() {
        EventStreams small = new EventStreams(f.core.hub, f.events, f.core.positions, Runnable::run, f.core.access,
                hash -> true, 3);
        List<Long> before = stored();
        EventStream stream = small.open(session(), OptionalLong.of(before.get(before.size() - 1)), wakes::incrementAndGet);
        assertEquals(List.of(), stream.take()); // reads the (empty) backlog at once: it now follows live
        emit(3);
        stored();
        assertEquals(Optional.empty(), stream.ended(), "three untaken events fit");
        emit(1);
        await().until(() -> stream.ended().isPresent());
        assertEquals(Optional.of(StreamEnd.SLOW_CONSUMER), stream.ended());
        assertEquals(List.of(), stream.take(), "an ended stream hands out nothing more");

        EventStream resumed = small.open(session(), OptionalLong.of(before.get(before.size() - 1)), () -> { });
        received.clear();
        List<Long> all = stored();
        await().until(() -> {
            received.addAll(resumed.take());
            return received.size() >= 4;
        });
        assertEquals(all.subList(all.size() - 4, all.size()), received.stream().map(StoredEvent::cursor).toList());
    }

    @Test
    void aLogoutEndsTheSessionsStreamsAsLoggedOut() {
        EventStream stream = f.core.streams.open(session(), OptionalLong.empty(), wakes::incrementAndGet);
        f.core.authentication.logout(session());
        assertEquals(Optional.of(StreamEnd.LOGGED_OUT), stream.ended());
        assertTrue(wakes.get() > 0, "the transport is told, to write the end");
        assertEquals(0, f.core.streams.openCount());
    }

    @Test
    void blockingTheUserEndsItsStreamsAsSessionEnded() {
        EventStream stream = f.core.streams.open(session(), OptionalLong.empty(), () -> { });
        f.core.users.disable(AGENT1);
        assertEquals(Optional.of(StreamEnd.SESSION_ENDED), stream.ended());
    }

    @Test
    void aSessionEndedElsewhereEndsTheStreamAtItsNextCheck() {
        Session session = session();
        EventStream stream = f.core.streams.open(session, OptionalLong.empty(), () -> { });
        f.sessions.delete(session.tokenHash()); // another instance ended it: only the store knows
        f.clock.advance(Duration.ofSeconds(31)); // past the touch interval: the next check reads the store
        assertEquals(Optional.empty(), stream.ended());
        stream.check();
        assertEquals(Optional.of(StreamEnd.SESSION_ENDED), stream.ended());
    }

    @Test
    void checksKeepAnOpenStreamsSessionAliveAsRequestsWould() {
        EventStream stream = f.core.streams.open(session(), OptionalLong.empty(), () -> { });
        for (int i = 0; i < 3; i++) { // three idle timeouts pass, with a check every 50 minutes
            f.clock.advance(Duration.ofMinutes(50));
            stream.check();
            f.clock.advance(Duration.ofMinutes(50));
            stream.check();
        }
        assertEquals(Optional.empty(), stream.ended());
        f.clock.advance(Duration.ofMinutes(61));
        stream.check();
        assertEquals(Optional.of(StreamEnd.SESSION_ENDED), stream.ended(), "without checks it expires");
    }

    @Test
    void theEventsGrantIsRequiredToOpenAndToStayOpen() {
        EventStream stream = f.core.streams.open(session(), OptionalLong.empty(), () -> { });
        User user = f.users.find(AGENT1).orElseThrow().withGrants(Grants.NONE);
        f.users.update(user);
        f.core.directory.changed(user);
        stream.check();
        assertEquals(Optional.of(StreamEnd.FORBIDDEN), stream.ended());
        assertThrows(AccessDeniedException.class,
                () -> f.core.streams.open(session(), OptionalLong.empty(), () -> { }));
    }
}
