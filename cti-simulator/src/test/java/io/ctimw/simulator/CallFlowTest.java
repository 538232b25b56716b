package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Call handling commands and the events each one produces, in order. */
class CallFlowTest extends SimulatorTestBase {

    @Test
    void incomingCallAnswerHoldHangup() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = sim.injectIncomingCall("agent1", "+74950001122");
            assertTrue(cid instanceof String);
            JsonNode newCall = client.expectEvent("NewCall");
            assertEquals("agent1", newCall.path("login").asText());
            assertTrue(newCall.path("cid").isTextual());
            assertEquals(cid, newCall.path("cid").asText());
            assertEquals("sip", newCall.path("type").asText());
            assertEquals("new", newCall.path("state").asText());
            assertEquals("in", newCall.path("direction").asText());
            assertFalse(newCall.path("hold").asBoolean());
            assertEquals("+74950001122", newCall.path("params").path("caller").asText());
            assertFalse(newCall.path("params").path("sessionId").asText().isEmpty());
            assertTrue(newCall.path("creationTime").isNumber());

            client.expectReply(client.command("Answer", "login", "agent1", "cid", cid), "Ok");
            JsonNode connected = client.expectEvent("CallStatus");
            assertEquals("connected", connected.path("state").asText());
            assertTrue(connected.path("answerTime").isNumber());
            assertEquals("speaking", client.expectEvent("UserState").path("substates").get(0).asText());

            client.expectReply(client.command("Hold", "login", "agent1", "cid", cid, "on", true), "Ok");
            assertTrue(client.expectEvent("CallStatus").path("hold").asBoolean());
            client.expectReply(client.command("Mute", "login", "agent1", "cid", cid, "on", true), "Ok");
            assertTrue(client.expectEvent("CallStatus").path("muted").asBoolean());

            client.expectReply(client.command("Hangup", "login", "agent1", "cid", cid), "Ok");
            JsonNode ended = client.expectEvent("CallStatus");
            assertEquals("ended", ended.path("state").asText());
            assertTrue(ended.path("hangupTime").isNumber());
            assertEquals(cid, client.expectEvent("OnClose").path("cid").asText());

            assertEquals("unknown cid " + cid, client.expectReply(
                    client.command("Hangup", "login", "agent1", "cid", cid), "Error").path("description").asText());
        }
    }

    @Test
    void dtmfAcceptsOnlyDigitsStarHashAndFlash() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            client.expectReply(client.command("SendDTMFSignal", "login", "agent1", "cid", cid,
                    "DTMFString", "0123456789*#!"), "Ok");
            client.expectReply(client.command("SendDTMFSignal", "login", "agent1", "cid", cid,
                    "DTMFString", "12a"), "Error");
            client.expectReply(client.command("SendDTMFSignal", "login", "agent1", "cid", cid,
                    "DTMFString", ""), "Error");
            client.expectReply(client.command("SendDTMFSignal", "login", "agent1", "cid", cid), "Error");
            assertEquals(0, client.pending());
        }
    }

    @Test
    void makeCallSendsNewCallThenConnects() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            client.expectReply(client.command("MakeCall", "login", "agent1", "phoneNumber", "+7001"), "Ok");
            JsonNode newCall = client.expectEvent("NewCall");
            assertEquals("out", newCall.path("direction").asText());
            assertEquals("new", newCall.path("state").asText());
            assertEquals("+7001", newCall.path("params").path("called").asText());
            JsonNode connected = client.expectEvent("CallStatus");
            assertEquals(newCall.path("cid"), connected.path("cid"));
            assertEquals("connected", connected.path("state").asText());
        }
    }

    @Test
    void makeCallHungUpBeforeTheFarEndAnswersNeverConnects() {
        // A far end slow enough that the Hangup surely comes first, even on a loaded machine.
        Duration answerAfter = Duration.ofSeconds(1);
        try (CtiSimulator slow = CtiSimulator.builder().operators("agent1").makeCallConnectDelay(answerAfter)
                .build().start(); TestClient client = TestClient.attached(slow.url(), "agent1")) {
            client.expectReply(client.command("MakeCall", "login", "agent1", "phoneNumber", "+7002"), "Ok");
            JsonNode cid = client.expectEvent("NewCall").path("cid");
            client.expectReply(client.command("Hangup", "login", "agent1", "cid", cid), "Ok");
            assertEquals("ended", client.expectEvent("CallStatus").path("state").asText());
            client.expectEvent("OnClose");
            // A probe executed after the connect timer would have fired: nothing may precede its reply.
            slow.faults().replyDelay(answerAfter.plusMillis(200));
            client.expectNothingBefore("agent1");
        }
    }

    @Test
    void setCallParamSendsUpdateBeforeOkOnlyWhenChanged() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            String rid = client.command("SetCallParam", "login", "agent1", "cid", cid,
                    "paramName", "ticket", "paramValue", "T-1");
            JsonNode updated = client.expectEvent("CallParamsUpdated");
            assertEquals("T-1", updated.path("params").path("ticket").asText());
            client.expectReply(rid, "Ok");
            client.expectReply(client.command("SetCallParam", "login", "agent1", "cid", cid,
                    "paramName", "ticket", "paramValue", "T-1"), "Ok");
            JsonNode calls = client.expectReply(client.command("GetCalls", "login", "agent1"), "Calls");
            assertEquals("T-1", calls.path("calls").get(0).path("params").path("ticket").asText());
        }
    }

    @Test
    void setActiveCloseAndUserStateCommands() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            client.expectReply(client.command("SetActive", "login", "agent1", "cid", cid), "Ok");
            assertEquals(cid, client.expectEvent("CurrentCall").path("cid").asText());
            client.expectReply(client.command("Close", "login", "agent1", "cid", cid), "Ok");
            client.expectEvent("OnClose");

            client.expectReply(client.command("ChangeUserState", "login", "agent1", "state", "away",
                    "reason", "Dinner"), "Ok");
            JsonNode away = client.expectEvent("UserState");
            assertEquals("away", away.path("state").asText());
            assertEquals("Dinner", away.path("reason").asText());
            client.expectReply(client.command("ChangeUserState", "login", "agent1", "state", "speaking"), "Error");
            JsonNode state = client.expectReply(client.command("GetUserState", "login", "agent1"), "UserState");
            assertEquals("away", state.path("state").asText());

            client.expectReply(client.command("Logout", "login", "agent1"), "Ok");
            assertEquals("offline", client.expectEvent("UserState").path("state").asText());
        }
    }

    private Object answeredCall(TestClient client) {
        Object cid = sim.injectIncomingCall("agent1", "+7999");
        client.expectEvent("NewCall");
        client.expectReply(client.command("Answer", "login", "agent1", "cid", cid), "Ok");
        client.expectEvent("CallStatus");
        client.expectEvent("UserState");
        return cid;
    }
}
