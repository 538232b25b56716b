package io.ctimw.app.middleware;

import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.adapters.postgres.JdbiEventStore;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.model.Login;
import io.ctimw.simulator.CtiSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CTI link and the middleware itself going away and coming back; an event the database refuses. */
class ResilienceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestDatabase db;
    private CtiSimulator cti;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1", "agent2").build().start();
    }

    @AfterEach
    void stop() {
        cti.close();
        db.close();
    }

    @Test
    void aDroppedCtiLinkReconnectsReattachesAndEventsFlowAgain() throws Exception {
        try (MiddlewareHarness mw = MiddlewareHarness.start(db, cti).withAgents("agent1")) {
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);
            a1.awaitEvent("mw.PhoneAvailable", WAIT);
            cti.faults().dropAllConnections();
            List<JsonNode> seen = a1.awaitEvent("mw.PhoneUnavailable", WAIT);
            seen.addAll(a1.awaitEvent("mw.PhoneAvailable", WAIT));
            cti.awaitAttached("agent1", WAIT);
            cti.injectIncomingCall("agent1", "+100");
            a1.awaitEvent("NewCall", WAIT);
            assertEquals("cti-link-down", EndToEndTest.last(seen, "mw.PhoneUnavailable").get("reason").asText());
        }
    }

    @Test
    void commandsWhileTheLinkIsDownGet503WithRetryAfterAndReadinessSaysSo() throws Exception {
        try (MiddlewareHarness mw = MiddlewareHarness.start(db, cti).withAgents("agent1")) {
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);
            assertEquals(200, a1.get("/ready").statusCode());
            cti.close(); // the CTI is gone for good in this test
            a1.awaitEvent("mw.PhoneUnavailable", WAIT);
            HttpResponse<String> r = a1.control("{\"name\":\"GetUserState\"}");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Retry-After").isPresent());
            HttpResponse<String> ready = a1.get("/ready");
            assertEquals(503, ready.statusCode());
            assertEquals(false, AgentHttp.JSON.readTree(ready.body()).get("cti").asBoolean());
            assertEquals(200, a1.get("/health").statusCode());
        }
    }

    @Test
    void aMiddlewareRestartKeepsSessionsAndUndeliveredEvents() throws Exception {
        String token;
        long seenUpTo;
        try (MiddlewareHarness mw = MiddlewareHarness.start(db, cti).withAgents("agent1")) {
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);
            List<JsonNode> early = a1.awaitEvent("mw.PhoneAvailable", WAIT);
            seenUpTo = early.get(early.size() - 1).get("_cursor").asLong();
            token = a1.token();
            cti.injectIncomingCall("agent1", "+555"); // stored, never fetched before the restart
            awaitStored(mw, "agent1", "NewCall");
        }
        try (MiddlewareHarness again = MiddlewareHarness.start(db, cti, Map.of())) {
            AgentHttp a1 = again.agent().withToken(token);
            List<JsonNode> events = a1.awaitEvent("NewCall", WAIT);
            assertTrue(events.stream().allMatch(e -> e.get("_cursor").asLong() > seenUpTo), "nothing repeated");
            assertTrue(EndToEndTest.last(events, "NewCall").toString().contains("+555"));
            cti.awaitAttached("agent1", WAIT); // the session's phone is attached again after the restart
        }
    }

    @Test
    void anEventWithANulInItsNameIsQuarantinedAndTheAgentKeepsGettingEvents() throws Exception {
        try (MiddlewareHarness mw = MiddlewareHarness.start(db, cti).withAgents("agent1")) {
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);
            a1.settled(WAIT);

            cti.emit("agent1", Map.of("name", "BeforeOdd"));
            cti.emit("agent1", Map.of("name", "Odd\u0000Name", "n", 1)); // a NUL: sent JSON-escaped, so valid JSON
            cti.emit("agent1", Map.of("name", "AfterOdd"));
            List<JsonNode> seen = a1.awaitEvent("AfterOdd", WAIT);

            assertEquals(List.of("BeforeOdd", "AfterOdd"), seen.stream().map(e -> e.path("name").asText()).toList());
            JsonNode ready = AgentHttp.JSON.readTree(a1.get("/ready").body());
            assertEquals(1, ready.path("quarantinedEvents").asInt(), ready.toString());
            assertEquals(0, ready.path("quarantineFailures").asInt(), ready.toString());
            List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery(
                    "select login, reason, convert_from(raw, 'UTF8') as frame from event_quarantine").mapToMap().list());
            assertEquals(1, rows.size());
            assertEquals("agent1", rows.get(0).get("login"));
            assertTrue(String.valueOf(rows.get(0).get("frame")).contains("Odd\\u0000Name"), rows.toString());
            assertTrue(String.valueOf(rows.get(0).get("reason")).startsWith("22021: "), rows.toString());
        }
    }

    /** Waits until the event is in PostgreSQL, read straight from the database. */
    private void awaitStored(MiddlewareHarness mw, String login, String name) {
        JdbiEventStore store = new JdbiEventStore(db.jdbi());
        await(name + " for " + login + " stored").atMost(WAIT).pollInterval(Duration.ofMillis(10))
                .until(() -> mw.app().core().readiness().check().bufferedEvents() == 0
                        && store.after(new Login(login), 0, 1000).stream().anyMatch(e -> e.name().equals(name)));
    }
}
