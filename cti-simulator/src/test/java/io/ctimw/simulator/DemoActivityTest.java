package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoActivityTest extends SimulatorTestBase {
    @Test
    void demoCallersRingAttachedOperatorsAndHangUpByThemselves() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1");
             DemoActivity demo = new DemoActivity(sim, java.util.List.of("agent1", "agent2"))) {
            demo.ringEvery(Duration.ofMillis(50), Duration.ofMillis(100));
            JsonNode ringing = client.expectEvent("NewCall");
            assertEquals("agent1", ringing.path("login").asText(), "only attached operators are rung");
            JsonNode ended;
            do { // later calls keep ringing meanwhile; find the first one's end
                ended = client.next();
            } while (!(ended.path("name").asText().equals("CallStatus") && ended.path("cid").equals(ringing.path("cid"))));
            assertEquals("ended", ended.path("state").asText());
        }
    }

    @Test
    void callsTheCallerEndedAreClosedAfterTheWrapUp() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1");
             DemoActivity demo = new DemoActivity(sim, java.util.List.of("agent1"), Duration.ofMillis(50))) {
            demo.ringEvery(Duration.ofMillis(200), Duration.ofMillis(50));
            JsonNode cid = client.expectEvent("NewCall").path("cid");
            boolean ended = false;
            JsonNode next;
            do { // next() fails when no event comes: the first call's OnClose must arrive
                next = client.next();
                ended |= next.path("name").asText().equals("CallStatus") && next.path("cid").equals(cid)
                        && next.path("state").asText().equals("ended");
            } while (!(next.path("name").asText().equals("OnClose") && next.path("cid").equals(cid)));
            assertTrue(ended, "closed only after the caller ended it");
        }
    }
}
