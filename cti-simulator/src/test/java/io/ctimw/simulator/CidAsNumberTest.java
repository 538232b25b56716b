package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** With cidAsNumber every cid on the wire is a JSON number, and a string cid is refused. */
class CidAsNumberTest extends SimulatorTestBase {

    @Override
    CtiSimulatorBuilder configure(CtiSimulatorBuilder builder) {
        return builder.cidAsNumber(true);
    }

    @Test
    void cidsAreJsonNumbersEverywhere() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = sim.injectIncomingCall("agent1", "+7001");
            assertTrue(cid instanceof Long, () -> "cid type " + cid.getClass());
            JsonNode newCall = client.expectEvent("NewCall");
            assertTrue(newCall.path("cid").isIntegralNumber(), newCall::toString);
            assertEquals((long) (Long) cid, newCall.path("cid").asLong());

            client.expectReply(client.command("Answer", "login", "agent1", "cid", String.valueOf(cid)), "Error");
            client.expectReply(client.command("Answer", "login", "agent1", "cid", cid), "Ok");
            assertTrue(client.expectEvent("CallStatus").path("cid").isIntegralNumber());
            client.expectEvent("UserState");
            JsonNode calls = client.expectReply(client.command("GetCalls", "login", "agent1"), "Calls");
            assertTrue(calls.path("calls").get(0).path("cid").isIntegralNumber());
            client.expectReply(client.command("Hangup", "login", "agent1", "cid", cid), "Ok");
            client.expectEvent("CallStatus");
            assertTrue(client.expectEvent("OnClose").path("cid").isIntegralNumber());
        }
    }

    @Test
    void stringCidSimulatorRefusesNumericCid() {
        try (CtiSimulator strings = CtiSimulator.builder().operators("a").build().start();
             TestClient client = TestClient.attached(strings.url(), "a")) {
            Object cid = strings.injectIncomingCall("a", "+1");
            assertTrue(client.expectEvent("NewCall").path("cid").isTextual());
            assertEquals("cid must be a JSON string", client.expectReply(
                    client.command("Answer", "login", "a", "cid", 5), "Error").path("description").asText());
            client.expectReply(client.command("Answer", "login", "a", "cid", cid), "Ok");
        }
    }
}
