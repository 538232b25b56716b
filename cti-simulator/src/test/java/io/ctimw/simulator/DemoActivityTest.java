package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
