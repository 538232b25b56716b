package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The protocol envelope: version first, rid rules, parse errors, one reply per command. */
class EnvelopeTest extends SimulatorTestBase {

    @Test
    void commandsBeforeSetProtocolVersionGetErrorAndNoEventsFlow() {
        try (TestClient client = TestClient.connect(sim.url())) {
            String rid = client.command("AttachToUser", "login", "agent1");
            JsonNode error = client.expectReply(rid, "Error");
            assertEquals("protocol version not set", error.path("description").asText());
            sim.emitRaw("{\"name\":\"Custom\",\"login\":\"agent1\"}");
            String versionRid = client.command("SetProtocolVersion", "protocolVersion", "13");
            // The raw event went out before this Ok; receiving the Ok first proves it was not sent here.
            client.expectReply(versionRid, "Ok");
            assertEquals(0, client.pending());
        }
    }

    @Test
    void unsupportedOrIllTypedVersionIsAnError() {
        try (TestClient client = TestClient.connect(sim.url())) {
            client.expectReply(client.command("SetProtocolVersion", "protocolVersion", "12"), "Error");
            client.expectReply(client.command("SetProtocolVersion", "protocolVersion", 13), "Error");
            client.expectReply(client.command("SetProtocolVersion"), "Error");
            client.expectReply(client.command("GetUserState", "login", "agent1"), "Error");
        }
    }

    @Test
    void commandWithoutRidGetsNoReplyButIsRecorded() {
        try (TestClient client = TestClient.ready(sim.url())) {
            client.send("{\"name\":\"AttachToUser\",\"login\":\"agent1\"}");
            String rid = client.command("Bogus");
            // The next message answers the second command: the first got nothing, and did not attach.
            client.expectReply(rid, "Error");
            assertTrue(sim.attachedLogins().isEmpty());
            ReceivedCommand ignored = sim.awaitCommand(c -> c.is("AttachToUser"), TestClient.WAIT);
            assertEquals(null, ignored.rid());
            assertEquals("agent1", ignored.login());
        }
    }

    @Test
    void unparseableJsonGetsParseErrorWithRidWhenOneCanBeFound() {
        try (TestClient client = TestClient.ready(sim.url())) {
            client.send("{\"rid\":\"x1\",\"name\":\"GetCalls\",");
            JsonNode withRid = client.next();
            assertEquals("ParseError", withRid.path("name").asText());
            assertEquals("x1", withRid.path("rid").asText());
            assertFalse(withRid.path("description").asText().isEmpty());

            client.send("not json at all");
            JsonNode withoutRid = client.next();
            assertEquals("ParseError", withoutRid.path("name").asText());
            assertFalse(withoutRid.has("rid"));

            client.send("[1,2]");
            assertEquals("ParseError", client.next().path("name").asText());
        }
    }

    @Test
    void unknownCommandMissingAndIllTypedFieldsAreErrors() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            assertEquals("unknown command Frobnicate",
                    client.expectReply(client.command("Frobnicate", "login", "agent1"), "Error")
                            .path("description").asText());
            assertEquals("missing field login",
                    client.expectReply(client.command("GetCalls"), "Error").path("description").asText());
            assertEquals("missing field cid",
                    client.expectReply(client.command("Answer", "login", "agent1"), "Error")
                            .path("description").asText());
            Object cid = sim.injectIncomingCall("agent1", "+100");
            client.expectEvent("NewCall");
            assertEquals("call " + cid + " is new, not connected",
                    client.expectReply(client.command("Hold", "login", "agent1", "cid", cid, "on", true), "Error")
                            .path("description").asText());
            client.expectReply(client.command("Answer", "login", "agent1", "cid", cid), "Ok");
            client.expectEvent("CallStatus");
            client.expectEvent("UserState");
            assertEquals("on must be a boolean",
                    client.expectReply(client.command("Hold", "login", "agent1", "cid", cid, "on", "yes"), "Error")
                            .path("description").asText());
            assertEquals("rid must be a string", replyToNumericRid(client).path("description").asText());
        }
    }

    @Test
    void everyCommandGetsExactlyOneReplyWithItsRid() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            String first = client.command("GetUserState", "login", "agent1");
            String second = client.command("GetCalls", "login", "agent1");
            String third = client.command("DetachFromUser", "login", "agent1");
            client.expectReply(first, "UserState");
            client.expectReply(second, "Calls");
            client.expectReply(third, "Ok");
            client.expectReply(client.command("GetCalls", "login", "agent1"), "Error");
            assertEquals(0, client.pending());
            assertTrue(sim.awaitCommand(c -> third.equals(c.rid()), Duration.ofSeconds(1)).is("DetachFromUser"));
        }
    }

    private static JsonNode replyToNumericRid(TestClient client) {
        client.send("{\"rid\":42,\"name\":\"GetCalls\",\"login\":\"agent1\"}");
        JsonNode reply = client.next();
        assertEquals(42, reply.path("rid").asInt());
        assertEquals("Error", reply.path("name").asText());
        return reply;
    }
}
