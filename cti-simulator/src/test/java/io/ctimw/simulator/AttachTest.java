package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AttachToUser / DetachFromUser and who gets which events. */
class AttachTest extends SimulatorTestBase {

    @Test
    void attachToKnownLoginSendsOkUserStateCallsConferencesInOrder() {
        Object cid = sim.injectIncomingCall("agent1", "+7001");
        try (TestClient client = TestClient.ready(sim.url())) {
            String rid = client.command("AttachToUser", "login", "agent1");
            client.expectReply(rid, "Ok");
            JsonNode state = client.expectEvent("UserState");
            assertEquals("agent1", state.path("login").asText());
            assertEquals("normal", state.path("state").asText());
            assertTrue(state.path("substates").isArray());
            assertTrue(state.path("time").isNumber());
            JsonNode calls = client.expectEvent("Calls");
            assertEquals("agent1", calls.path("login").asText());
            assertEquals(1, calls.path("calls").size());
            assertEquals(cid, calls.path("calls").get(0).path("cid").asText());
            JsonNode conferences = client.expectEvent("Conferences");
            assertEquals("agent1", conferences.path("login").asText());
            assertTrue(conferences.path("conferences").isArray());
            assertEquals(Set.of("agent1"), sim.attachedLogins());
        }
    }

    @Test
    void attachToOfflinePhoneSendsOnlyUserState() {
        sim.setOffline("agent2", true);
        try (TestClient client = TestClient.ready(sim.url())) {
            client.expectReply(client.command("AttachToUser", "login", "agent2"), "Ok");
            JsonNode state = client.expectEvent("UserState");
            assertEquals("offline", state.path("state").asText());
            assertFalse(state.has("time"));
            client.expectNothingBefore("agent2");
            client.expectReply(client.command("MakeCall", "login", "agent2", "phoneNumber", "100"), "Error");
            sim.setOffline("agent2", false);
            assertEquals("normal", client.expectEvent("UserState").path("state").asText());
        }
    }

    @Test
    void attachToUnknownOrUnlicensedLoginIsAnError() {
        sim.faults().rejectAttach("agent2", true);
        try (TestClient client = TestClient.ready(sim.url())) {
            assertEquals("unknown login nobody", client.expectReply(
                    client.command("AttachToUser", "login", "nobody"), "Error").path("description").asText());
            assertEquals("no licence", client.expectReply(
                    client.command("AttachToUser", "login", "agent2"), "Error").path("description").asText());
            sim.faults().rejectAttach("agent2", false);
            client.attach("agent2");
            assertEquals(Set.of("agent2"), sim.attachedLogins());
        }
    }

    @Test
    void commandsForALoginNotAttachedAreErrors() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            assertEquals("not attached to user agent2", client.expectReply(
                    client.command("GetUserState", "login", "agent2"), "Error").path("description").asText());
            client.expectReply(client.command("DetachFromUser", "login", "agent1"), "Ok");
            client.expectReply(client.command("GetUserState", "login", "agent1"), "Error");
            // A detached connection gets no more events for that login.
            sim.injectIncomingCall("agent1", "+7002");
            client.expectReply(client.command("GetUserState", "login", "nobody"), "Error");
        }
    }

    @Test
    void twoConnectionsAttachedToOneLoginBothGetEvents() {
        try (TestClient first = TestClient.attached(sim.url(), "agent1");
             TestClient second = TestClient.attached(sim.url(), "agent1");
             TestClient other = TestClient.attached(sim.url(), "agent2")) {
            Object cid = sim.injectIncomingCall("agent1", "+7003");
            assertEquals(cid, first.expectEvent("NewCall").path("cid").asText());
            assertEquals(cid, second.expectEvent("NewCall").path("cid").asText());
            other.expectNothingBefore("agent2");
            // A command from one connection produces events on both.
            first.expectReply(first.command("Answer", "login", "agent1", "cid", cid), "Ok");
            assertEquals("connected", first.expectEvent("CallStatus").path("state").asText());
            assertEquals("connected", second.expectEvent("CallStatus").path("state").asText());
            assertEquals(3, sim.connectionCount());
        }
    }
}
