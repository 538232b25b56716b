package io.ctimw.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The fault switches for the misbehaviour a CTI client must survive (issue 9). */
class FaultSwitchesTest extends SimulatorTestBase {

    @Test
    void pingsGoUnansweredWhileSwitchedOff() {
        try (TestClient client = TestClient.ready(sim.url())) {
            sim.faults().answerPings(false);
            client.ping();
            await().atMost(TestClient.WAIT).until(() -> sim.faults().pingsIgnored() == 1);
            assertEquals(0, client.pongs.get(), "the ignored ping was answered");

            sim.faults().answerPings(true);
            client.ping();
            await().atMost(TestClient.WAIT).until(() -> client.pongs.get() == 1);
            assertEquals(1, sim.faults().pingsIgnored());
        }
    }

    @Test
    void duplicateRepliesSendsEachReplyTwice() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.faults().duplicateReplies(true);
            String rid = client.command("GetUserState", "login", "agent1");
            client.expectReply(rid, "UserState");
            client.expectReply(rid, "UserState");
            sim.faults().duplicateReplies(false);
            client.expectNothingBefore("agent1");
        }
    }

    @Test
    void reorderFramesSwapsEachPairAndFlushesWhenSwitchedOff() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.faults().reorderFrames(true);
            String first = client.command("GetUserState", "login", "agent1");
            String second = client.command("GetCalls", "login", "agent1");
            client.expectReply(second, "Calls");
            client.expectReply(first, "UserState");

            String held = client.command("GetUserState", "login", "agent1");
            sim.awaitCommand(c -> held.equals(c.rid()), TestClient.WAIT);
            sim.faults().reorderFrames(false);
            client.expectReply(held, "UserState");
        }
    }

    @Test
    void malformedFramesPrecedeEveryFrameWhileOn() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.faults().malformedFrames(true);
            String rid = client.command("GetUserState", "login", "agent1");
            assertEquals(Connection.MALFORMED_FRAME, client.nextText());
            client.expectReply(rid, "UserState");
            sim.faults().malformedFrames(false);
            client.expectNothingBefore("agent1");
        }
    }

    @Test
    void rejectAttachesRefusesEveryLogin() {
        sim.faults().rejectAttaches(true);
        try (TestClient client = TestClient.ready(sim.url())) {
            for (String login : new String[] {"agent1", "agent2"}) {
                JsonNode error = client.expectReply(client.command("AttachToUser", "login", login), "Error");
                assertEquals("no licence", error.path("description").asText());
            }
            sim.faults().rejectAttaches(false);
            client.attach("agent1");
        }
    }

    @Test
    void anUnstorableEventCarriesANulInItsName() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            sim.faults().emitUnstorableEvent("agent1");
            JsonNode event = client.next();
            assertEquals(SimulatorFaults.UNSTORABLE_EVENT_NAME, event.path("name").asText());
            assertTrue(event.path("name").asText().contains("\u0000"));
            assertEquals("agent1", event.path("login").asText());
        }
    }
}
