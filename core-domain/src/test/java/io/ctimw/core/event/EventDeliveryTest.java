package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.auth.Login;
import io.ctimw.core.auth.LoginResult;
import io.ctimw.core.auth.Session;
import io.ctimw.core.call.CallId;
import io.ctimw.core.testing.FakeCtiGateway;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {
    private final CoreFixture f = new CoreFixture();
    private final LoginResult.LoggedIn in1 = f.login("agent1");
    private final LoginResult.LoggedIn in2 = f.login("agent2");

    /** Like an HTTP request: each call authenticates anew and sees the session's current position. */
    private Session agent(LoginResult.LoggedIn in) {
        return f.session(in);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private void emit(String login, String name, String cid) {
        Login l = new Login(login);
        CallId id = CallId.ofText(cid);
        f.cti.emit(new CtiEvent(l, name, id, null, null, FakeCtiGateway.eventJson(name, l, id)));
    }

    private List<StoredEvent> drain(Session s) throws Exception {
        f.awaitStored();
        return f.poll(s, OptionalLong.empty(), Duration.ZERO);
    }

    @Test
    void anAgentGetsItsOwnEventsOnly() throws Exception {
        emit("agent1", "NewCall", "a1");
        emit("agent2", "NewCall", "b1");
        emit("agent1", "CallStatus", "a1");
        List<StoredEvent> got = drain(agent(in1));
        assertTrue(got.stream().allMatch(e -> e.login().equals(new Login("agent1"))), got.toString());
        assertEquals(List.of("mw.PhoneAvailable", "NewCall", "CallStatus"), got.stream().map(StoredEvent::name).toList());
        assertTrue(drain(agent(in2)).stream().noneMatch(e -> e.json().contains("a1")));
    }

    @Test
    void theSessionPositionAdvancesAndAfterRereads() throws Exception {
        emit("agent1", "NewCall", "a1");
        List<StoredEvent> first = drain(agent(in1));
        assertFalse(first.isEmpty());
        assertTrue(drain(agent(in1)).isEmpty(), "without after, delivered events are not repeated");
        emit("agent1", "OnClose", "a1");
        List<StoredEvent> next = drain(agent(in1));
        assertEquals(List.of("OnClose"), next.stream().map(StoredEvent::name).toList());
        assertTrue(next.get(0).cursor() > first.get(first.size() - 1).cursor());
        List<StoredEvent> again = f.poll(agent(in1), OptionalLong.of(0), Duration.ZERO);
        assertEquals(first.size() + 1, again.size(), "after=0 re-reads everything still stored");
    }

    @Test
    void aLongPollCompletesWhenAnEventOfItsLoginIsStored() throws Exception {
        drain(agent(in1));
        CompletableFuture<List<StoredEvent>> poll = f.core.events()
                .poll(agent(in1), new EventQuery(OptionalLong.empty(), 100, Duration.ofSeconds(30))).toCompletableFuture();
        emit("agent2", "NewCall", "b1");
        f.awaitStored();
        assertFalse(poll.isDone(), "another agent's event must not wake this poll with data");
        emit("agent1", "NewCall", "a9");
        List<StoredEvent> got = poll.get(5, TimeUnit.SECONDS);
        assertEquals("NewCall", got.get(0).name());
        assertTrue(got.get(0).json().contains("a9"));
    }

    @Test
    void aLongPollWithNothingNewEndsEmptyWhenTheWaitRunsOut() throws Exception {
        drain(agent(in1));
        List<StoredEvent> got = f.poll(agent(in1), OptionalLong.empty(), Duration.ofMillis(100));
        assertTrue(got.isEmpty());
    }

    @Test
    void eventsArrivingWhileTheStoreIsDownAreKeptAndStoredInOrder() throws Exception {
        drain(agent(in1));
        f.events.setAvailable(false);
        for (int i = 0; i < 50; i++) {
            emit("agent1", "CallStatus", "c" + i);
        }
        assertTrue(f.core.readiness().check().bufferedEvents() > 0 || !f.core.journal().storeHealthy());
        f.events.setAvailable(true);
        io.ctimw.core.testing.Await.until(() -> f.core.journal().pending() == 0 && f.events.size() >= 52,
                Duration.ofSeconds(15), "buffered events were not written after the store came back");
        List<StoredEvent> got = f.poll(agent(in1), OptionalLong.empty(), Duration.ZERO);
        assertEquals(50, got.size());
        for (int i = 0; i < 50; i++) {
            assertTrue(got.get(i).json().contains("\"c" + i + "\""), got.get(i).json());
        }
    }
}
