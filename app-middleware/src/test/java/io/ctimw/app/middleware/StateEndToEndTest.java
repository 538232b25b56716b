package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.state.Replay;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/state} on the whole service (real HTTP, PostgreSQL, the simulator): read under a storm of
 * events, each snapshot continued with the events after its cursor is exactly the full replay of the stored
 * events; and a restarted middleware answers the state it had, from its database.
 */
class StateEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Login AGENT1 = new Login("agent1");

    private TestDatabase db;
    private CtiSimulator cti;
    private MiddlewareHarness mw;

    /** One read of the state, and the events the same client then polled after its cursor. */
    private record Read(AgentState state, List<StoredEvent> next) {
    }

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").build().start();
        mw = MiddlewareHarness.start(db, cti).withAgents("agent1", "agent2");
    }

    @AfterEach
    void stop() {
        cti.load().stop();
        if (mw != null) {
            mw.close();
        }
        cti.close();
        db.close();
    }

    @Test
    void underAStormEachSnapshotPlusTheEventsAfterItsCursorIsTheFullReplay() throws Exception {
        AgentHttp agent = loggedIn("agent1").settled(WAIT);
        loggedIn("agent2");
        cti.load().start(400, List.of("agent1", "agent2"));
        CompletableFuture<Void> calls = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 30; i++) {
                Object cid = cti.injectIncomingCall("agent1", "+1555000" + i);
                cti.emit("agent1", Map.of("name", "CallParamsUpdated", "cid", cid, "params", Map.of("n", i)));
                if (i % 3 != 0) {
                    cti.emit("agent1", Map.of("name", "OnClose", "cid", cid));
                }
                cti.emit("agent1", Map.of("name", "UserState", "state", i % 2 == 0 ? "normal" : "away",
                        "substates", List.of(), "time", i));
            }
        });
        List<Read> reads = new ArrayList<>();
        long readUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!calls.isDone() || reads.size() < 20 || System.nanoTime() < readUntil) {
            AgentState state = state(agent);
            reads.add(new Read(state, events(agent, state.cursor(), 1000)));
        }
        calls.get();
        cti.load().stop();

        List<StoredEvent> all = settledEvents(agent);
        AgentState full = Replay.of(all);
        assertEquals(tree(full), tree(state(agent)), "the final snapshot is the full replay");
        assertTrue(full.calls().size() >= 10, "the storm left calls to compare: " + full.calls());
        for (Read read : sample(reads, 40)) { // each check replays thousands of events: 40 spread over the storm
            long n = read.state().cursor();
            List<StoredEvent> upTo = all.stream().filter(e -> e.cursor() <= n).toList();
            List<StoredEvent> after = all.stream().filter(e -> e.cursor() > n).toList();
            assertEquals(tree(Replay.of(upTo)), tree(read.state()), "the snapshot at " + n + " is the replay up to " + n);
            assertEquals(cursors(after.subList(0, read.next().size())), cursors(read.next()),
                    "the events polled after " + n + " continue it with no gap and no repeat");
            assertEquals(tree(full), tree(Replay.continued(read.state(), after)), "snapshot at " + n + " + the rest");
        }
        assertTrue(reads.stream().map(r -> r.state().cursor()).distinct().count() > 5, "read while events were stored");
    }

    @Test
    void aRestartedMiddlewareAnswersTheStateItHadFromItsDatabase() throws Exception {
        AgentHttp agent = loggedIn("agent1").settled(WAIT);
        Object kept = cti.injectIncomingCall("agent1", "+15550001");
        Object closed = cti.injectIncomingCall("agent1", "+15550002");
        cti.emit("agent1", Map.of("name", "OnClose", "cid", closed));
        cti.emit("agent1", Map.of("name", "LocalParamsUpdated", "cid", kept, "params", Map.of("note", "vip")));
        Await.until(() -> stateOrNull(agent) != null && stateOrNull(agent).calls().size() == 1
                && stateOrNull(agent).calls().get(0).contains("vip"), WAIT, "the calls did not reach the state");
        AgentState before = state(agent);
        mw.close();
        mw = null;

        mw = MiddlewareHarness.start(db, cti);
        AgentHttp again = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
        AgentState after = state(again);
        List<StoredEvent> since = all(again).stream().filter(e -> e.cursor() > before.cursor()
                && e.cursor() <= after.cursor()).toList();
        assertEquals(tree(Replay.continued(before, since)), tree(after),
                "after a restart: the state before it, plus only what was stored since (" + since.size() + " events)");
        assertTrue(after.cursor() >= before.cursor());
    }

    private AgentHttp loggedIn(String login) throws Exception {
        AgentHttp agent = mw.agent().login(login, MiddlewareHarness.PASSWORD);
        cti.awaitAttached(login, WAIT);
        return agent;
    }

    private static AgentState state(AgentHttp agent) throws Exception {
        HttpResponse<String> r = agent.get("/api/v1/state");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = AgentHttp.JSON.readTree(r.body());
        assertEquals(s.get("cursor").asText(), r.headers().firstValue("X-Cursor").orElseThrow());
        List<String> calls = new ArrayList<>();
        s.get("calls").forEach(c -> calls.add(c.toString()));
        return new AgentState(s.get("cursor").asLong(), s.get("userState").isNull() ? null : s.get("userState").toString(),
                calls, s.get("phone").asText().equals("available"));
    }

    private static AgentState stateOrNull(AgentHttp agent) {
        try {
            return state(agent);
        } catch (Exception | AssertionError e) {
            return null;
        }
    }

    /** Events after {@code after} as the poll hands them out, turned back into stored events. */
    private static List<StoredEvent> events(AgentHttp agent, long after, int limit) throws Exception {
        List<StoredEvent> out = new ArrayList<>();
        for (JsonNode e : agent.events("after=" + after + "&limit=" + limit)) {
            ObjectNode raw = ((ObjectNode) e).deepCopy();
            long cursor = raw.remove("_cursor").asLong();
            Instant at = Instant.parse(raw.remove("_receivedAt").asText());
            out.add(new StoredEvent(cursor, AGENT1, raw.get("name").asText(), raw.toString(), at));
        }
        return out;
    }

    private static List<StoredEvent> all(AgentHttp agent) throws Exception {
        List<StoredEvent> all = new ArrayList<>();
        List<StoredEvent> page;
        do {
            page = events(agent, all.isEmpty() ? 0 : all.get(all.size() - 1).cursor(), 1000);
            all.addAll(page);
        } while (!page.isEmpty());
        return all;
    }

    /** Every stored event of agent1, once the journal has stored all it received (the state caught up). */
    private static List<StoredEvent> settledEvents(AgentHttp agent) throws Exception {
        List<List<StoredEvent>> result = new ArrayList<>(List.of(List.of()));
        Await.until(() -> {
            try {
                List<StoredEvent> all = all(agent);
                result.set(0, all);
                return !all.isEmpty() && state(agent).cursor() == all.get(all.size() - 1).cursor()
                        && all(agent).size() == all.size();
            } catch (Exception e) {
                return false;
            }
        }, WAIT, "the stored events did not settle");
        return result.get(0);
    }

    private static <T> List<T> sample(List<T> all, int most) {
        return all.size() <= most ? all : java.util.stream.IntStream.range(0, most)
                .mapToObj(i -> all.get(i * all.size() / most)).toList();
    }

    private static List<Long> cursors(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::cursor).toList();
    }

    /** Compared as JSON trees: the test reads events back through Jackson, which may space them differently. */
    private static JsonNode tree(AgentState s) throws Exception {
        return AgentHttp.JSON.readTree("{\"cursor\":" + s.cursor() + "," + Replay.json(s).substring(1));
    }
}
