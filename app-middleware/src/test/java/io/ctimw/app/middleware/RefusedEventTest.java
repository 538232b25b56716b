package io.ctimw.app.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctimw.app.middleware.testing.AgentHttp;
import io.ctimw.app.middleware.testing.MiddlewareHarness;
import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.simulator.CtiSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An event PostgreSQL refuses, end to end: it lands in the quarantine, everything else still flows. */
class RefusedEventTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestDatabase db;
    private CtiSimulator cti;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        cti = CtiSimulator.builder().operators("agent1").build().start();
    }

    @AfterEach
    void stop() {
        cti.close();
        db.close();
    }

    @Test
    void anEventWithANulInItsNameIsQuarantinedAndTheAgentKeepsGettingEvents() throws Exception {
        try (MiddlewareHarness mw = MiddlewareHarness.start(db, cti).withAgents("agent1")) {
            AgentHttp a1 = mw.agent().login("agent1", MiddlewareHarness.PASSWORD);
            cti.awaitAttached("agent1", WAIT);
            a1.settled(WAIT);

            cti.emit("agent1", Map.of("name", "BeforeOdd"));
            cti.emit("agent1", Map.of("name", "Odd\u0000Name", "n", 1)); // sent as "Odd\u0000Name": valid JSON
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
}
