package io.ctimw.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The transfer family: success, failure to the unreachable number, call-back, break and finish. */
class TransferTest extends SimulatorTestBase {

    @Test
    void blindTransferSucceedsAndClosesTheCall() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            client.expectReply(client.command("Transfer", "login", "agent1", "cid", cid, "phoneNumber", "200"), "Ok");
            assertTrue(client.expectEvent("OnTransferCall").path("wasConnected").asBoolean());
            client.expectEvent("TransferSucceed");
            client.expectEvent("OnClose");
            client.expectReply(client.command("Close", "login", "agent1", "cid", cid), "Error");
        }
    }

    @Test
    void transferToUnreachableNumberFailsWithStatus10AndKeepsTheCall() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            client.expectReply(client.command("ConsultationTransfer", "login", "agent1", "cid", cid,
                    "phoneNumber", "000"), "Ok");
            client.expectEvent("OnTransferCall");
            JsonNode failed = client.expectEvent("TransferFailed");
            assertEquals("10", failed.path("status").asText());
            assertTrue(failed.path("status").isTextual());
            client.expectReply(client.command("BreakTransfer", "login", "agent1", "cid", cid), "Ok");
            client.expectEvent("TransferCallReturned");
        }
    }

    @Test
    void transferWithCallBackEndsWithTransferCallReturned() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            client.expectReply(client.command("TransferWithCallBack", "login", "agent1", "cid", cid,
                    "phoneNumber", "300"), "Ok");
            client.expectEvent("OnTransferCall");
            client.expectEvent("TransferSucceed");
            assertEquals(cid, client.expectEvent("TransferCallReturned").path("cid").asText());
        }
    }

    @Test
    void finishConferenceTransferSucceedsUpdatesStateAndCloses() {
        try (TestClient client = TestClient.attached(sim.url(), "agent1")) {
            Object cid = answeredCall(client);
            client.expectReply(client.command("FinishConferenceTransfer", "login", "agent1", "cid", cid), "Ok");
            client.expectEvent("TransferSucceed");
            assertEquals(0, client.expectEvent("UserState").path("substates").size());
            client.expectEvent("OnClose");
        }
    }

    private Object answeredCall(TestClient client) {
        Object cid = sim.injectIncomingCall("agent1", "+7888");
        client.expectEvent("NewCall");
        client.expectReply(client.command("Answer", "login", "agent1", "cid", cid), "Ok");
        client.expectEvent("CallStatus");
        client.expectEvent("UserState");
        return cid;
    }
}
