package io.ctimw.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fault switches other modules' tests rely on. */
class FaultsTest extends SimulatorTestBase {

    @Test
    void dropAllConnectionsClosesAbruptlyAndForgetsAttachments() throws Exception {
        Object cid = sim.injectIncomingCall("agent1", "+7001");
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.faults().dropAllConnections();
            int code = client.awaitClosed();
            assertNotEquals(1000, code);
            // The client sees the socket close before the simulator's model thread has forgotten the connection.
            await().atMost(TestClient.WAIT).until(() -> sim.connectionCount() == 0 && sim.attachedLogins().isEmpty());
        }
        // The calls survive the drop: a new connection resyncs them through AttachToUser.
        try (TestClient again = TestClient.ready(sim.url())) {
            again.expectReply(again.command("AttachToUser", "login", "agent1"), "Ok");
            again.expectEvent("UserState");
            assertEquals(cid, again.expectEvent("Calls").path("calls").get(0).path("cid").asText());
        }
    }

    @Test
    void silencedCommandGetsNoReplyUntilSilenceIsLifted() {
        sim.faults().silence("GetCalls", true);
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            String silenced = client.command("GetCalls", "login", "agent1");
            client.expectNothingBefore("agent1");
            assertEquals("GetCalls", sim.awaitCommand(c -> silenced.equals(c.rid()), TestClient.WAIT).name());
            sim.faults().silence("GetCalls", false);
            client.expectReply(client.command("GetCalls", "login", "agent1"), "Calls");
        }
    }

    @Test
    void failNextFailsOnlyTheNextSuchCommand() {
        sim.faults().failNext("GetUserState", "simulated failure");
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            assertEquals("simulated failure", client.expectReply(
                    client.command("GetUserState", "login", "agent1"), "Error").path("description").asText());
            client.expectReply(client.command("GetUserState", "login", "agent1"), "UserState");
        }
    }

    @Test
    void replyDelayHoldsRepliesBackInOrder() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.faults().replyDelay(Duration.ofMillis(300));
            long start = System.nanoTime();
            String first = client.command("GetUserState", "login", "agent1");
            String second = client.command("GetCalls", "login", "agent1");
            client.expectReply(first, "UserState");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
            client.expectReply(second, "Calls");
        }
    }

    @Test
    void sendGarbageSendsNonJsonAndANamelessObject() throws Exception {
        try (TestClient client = TestClient.ready(sim.url())) {
            sim.faults().sendGarbage();
            String notJson = client.nextText();
            assertThrows(Exception.class, () -> new ObjectMapper().readTree(notJson));
            JsonNode nameless = client.next();
            assertTrue(nameless.isObject());
            assertFalse(nameless.has("name"));
        }
    }

    @Test
    void awaitCommandTimesOutWithWhatArrived() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> sim.awaitCommand(c -> c.is("Answer"), Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains("no matching command"));
    }
}
