package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.CoreFixture;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.EventQuery;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.LoginResult;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StoredEvent;
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
        CompletableFuture<List<StoredEvent>> poll = f.core.events
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
        assertTrue(f.core.readiness.check().bufferedEvents() > 0 || !f.core.journal.storeHealthy());
        f.events.setAvailable(true);
        io.ctimw.core.testing.Await.until(() -> f.core.journal.pending() == 0 && f.events.size() >= 52,
                Duration.ofSeconds(15), "buffered events were not written after the store came back");
        List<StoredEvent> got = f.poll(agent(in1), OptionalLong.empty(), Duration.ZERO);
        assertEquals(50, got.size());
        for (int i = 0; i < 50; i++) {
            assertTrue(got.get(i).json().contains("\"c" + i + "\""), got.get(i).json());
        }
    }

    @Test
    void anEventTheStoreRefusesIsQuarantinedCountedInReadinessAndDeliveryGoesOn() throws Exception {
        drain(agent(in1));
        Login l = new Login("agent1");
        emit("agent1", "NewCall", "a1");
        f.cti.emit(new CtiEvent(l, "Call\0Status", null, null, null, "{\"name\":\"Call\\u0000Status\"}"));
        emit("agent1", "CallStatus", "a1");

        List<String> got = drain(agent(in1)).stream().map(StoredEvent::name).toList();

        assertEquals(List.of("NewCall", "CallStatus"), got);
        assertEquals(1, f.events.quarantined().size());
        assertEquals(1, f.core.readiness.check().quarantinedEvents());
        assertEquals(0, f.core.readiness.check().quarantineFailures());
    }

    @Test
    void upToDateAndWokenPollsAreAnsweredFromMemoryNotTheStore() throws Exception {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        io.ctimw.core.port.out.EventStore counting = new io.ctimw.core.port.out.EventStore() {
            public List<StoredEvent> append(List<PendingEvent> batch, java.util.Map<Login, String> states) {
                return f.events.append(batch, states);
            }
            public java.util.Optional<io.ctimw.core.model.StoredState> state(Login login) {
                return f.events.state(login);
            }
            public void quarantine(PendingEvent refused, String reason) { f.events.quarantine(refused, reason); }
            public long intakeWatermark() { return f.events.intakeWatermark(); }
            public List<StoredEvent> after(Login login, long after, int limit) {
                reads.incrementAndGet();
                return f.events.after(login, after, limit);
            }
            public long latestCursor(Login login) { return f.events.latestCursor(login); }
            public int deleteReceivedBefore(java.time.Instant cutoff) { return f.events.deleteReceivedBefore(cutoff); }
            public void ping() { }
        };
        EventService events = new EventService(counting, f.core.hub, f.core.positions, Runnable::run, f.core.access);
        emit("agent1", "NewCall", "a1");
        f.awaitStored();
        List<StoredEvent> first = events.poll(agent(in1), new EventQuery(OptionalLong.empty(), 100, Duration.ZERO))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertFalse(first.isEmpty());
        int afterFirst = reads.get();
        CompletableFuture<List<StoredEvent>> waiting = events.poll(agent(in1),
                new EventQuery(OptionalLong.empty(), 100, Duration.ofSeconds(30))).toCompletableFuture();
        emit("agent1", "CallStatus", "a1");
        assertEquals("CallStatus", waiting.get(5, TimeUnit.SECONDS).get(0).name());
        assertTrue(events.poll(agent(in1), new EventQuery(OptionalLong.empty(), 100, Duration.ZERO))
                .toCompletableFuture().get().isEmpty());
        assertEquals(afterFirst, reads.get(), "neither the wait, the wake nor the up-to-date poll read the store");
    }

    @Test
    void deliveryPositionsReachTheStoreWhenFlushed() throws Exception {
        emit("agent1", "NewCall", "a1");
        List<StoredEvent> got = drain(agent(in1));
        long last = got.get(got.size() - 1).cursor();
        assertEquals(last, agent(in1).deliveredCursor(), "the session sees its position at once");
        assertEquals(0, f.sessions.find(in1.token().hash()).orElseThrow().deliveredCursor(), "written behind");
        f.core.positions.flush();
        assertEquals(last, f.sessions.find(in1.token().hash()).orElseThrow().deliveredCursor());
    }
}
