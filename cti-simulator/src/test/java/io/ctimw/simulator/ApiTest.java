package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rest of the in-process API: custom events, operators, remote hangup, the command journal. */
class ApiTest extends SimulatorTestBase {

    @Test
    void emitDeliversArbitraryEventsWithLogin() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.emit("agent1", Map.of("name", "SomethingNew", "extra", Map.of("deep", 1)));
            JsonNode event = client.expectEvent("SomethingNew");
            assertEquals("agent1", event.path("login").asText());
            assertEquals(1, event.path("extra").path("deep").asInt());
            sim.emitRaw("{\"name\":\"Raw\",\"login\":\"agent1\"}");
            client.expectEvent("Raw");
        }
    }

    @Test
    void addedOperatorsCanBeAttachedAndUnknownOnesAreRefused() {
        sim.addOperator("late");
        try (TestClient client = TestClient.attached(sim.url(), "late")) {
            sim.awaitAttached("late", TestClient.WAIT);
            assertTrue(sim.attachedLogins().contains("late"));
        }
        assertThrows(IllegalArgumentException.class, () -> sim.injectIncomingCall("ghost", "+1"));
    }

    @Test
    void remoteHangupEndsTheCallAndCloseFinishesIt() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = sim.injectIncomingCall("agent1", "+7001");
            client.expectEvent("NewCall");
            sim.remoteHangup("agent1", cid);
            assertEquals("ended", client.expectEvent("CallStatus").path("state").asText());
            client.expectReply(client.command("Close", "login", "agent1", "cid", cid), "Ok");
            client.expectEvent("OnClose");
        }
    }

    @Test
    void receivedCommandsRecordsNameRidLoginAndJson() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            String rid = client.command("GetCalls", "login", "agent1");
            client.expectReply(rid, "Calls");
            ReceivedCommand command = sim.awaitCommand(c -> rid.equals(c.rid()), Duration.ofSeconds(1));
            assertEquals("GetCalls", command.name());
            assertEquals("agent1", command.login());
            assertEquals("agent1", command.json().path("login").asText());
            assertTrue(command.rawJson().contains(rid));
            assertEquals(3, sim.receivedCommands().size());
            sim.clearReceivedCommands();
            assertTrue(sim.receivedCommands().isEmpty());
        }
    }
}
