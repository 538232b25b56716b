package io.ctimw.adapters.ctiws;

import static io.ctimw.adapters.ctiws.LinkHarness.WAIT;
import static io.ctimw.adapters.ctiws.LinkHarness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.ReceivedCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What goes over the wire: the handshake, the envelope of commands, cids in both JSON types, raw events. */
class WsCtiGatewayWireTest {
    private static final Login AGENT = new Login("agent1");

    @Test
    void theFirstFrameIsSetProtocolVersion13AsAStringWithoutLogin() {
        try (LinkHarness h = LinkHarness.start()) {
            ReceivedCommand first = h.sim.receivedCommands().get(0);
            assertEquals("SetProtocolVersion", first.name());
            ObjectNode json = first.json();
            assertTrue(json.get("protocolVersion").isTextual(), first.rawJson());
            assertEquals("13", json.get("protocolVersion").textValue());
            assertTrue(json.get("rid").isTextual() && !json.get("rid").textValue().isEmpty(), first.rawJson());
            assertFalse(json.has("login"), first.rawJson());
            assertEquals(1, h.sim.connectionCount());
        }
    }

    @Test
    void theNccSubprotocolIsOfferedAndAnotherOneIsRefusedByTheServer() {
        try (LinkHarness h = LinkHarness.start()) {
            // The simulator accepts only nauphone-cti-protocol, so being up proves it was offered...
            assertTrue(h.gateway.isReady());
        }
        // ...and the control: offering anything else never gets past the handshake.
        try (LinkHarness h = LinkHarness.startUnready(b -> b, s -> s.withSubprotocol("some-other-protocol"))) {
            Await.until(() -> h.gateway.stats().reconnects() >= 2, WAIT, "gateway did not retry");
            assertFalse(h.gateway.isReady());
            assertEquals(0, h.listener.ups());
            assertTrue(h.sim.receivedCommands().isEmpty(), h.sim.receivedCommands().toString());
        }
    }

    @Test
    void everyCommandHasAFreshUniqueRidAndTheLoginEvenAcrossReconnects() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            for (int i = 0; i < 5; i++) {
                reply(h.gateway.send(AGENT, new ControlCommand("GetUserState", Map.of())));
            }
            h.sim.faults().dropAllConnections();
            Await.until(() -> h.listener.ups() == 2 && h.gateway.isReady(), WAIT, "no reconnect");
            reply(h.gateway.attach(AGENT));
            reply(h.gateway.send(AGENT, new ControlCommand("GetCalls", Map.of())));

            List<ReceivedCommand> received = h.sim.receivedCommands();
            Set<String> rids = new HashSet<>();
            for (ReceivedCommand command : received) {
                assertTrue(command.rid() != null && rids.add(command.rid()), "rid not fresh: " + command.rawJson());
                if (!command.is("SetProtocolVersion")) {
                    assertEquals("agent1", command.login(), command.rawJson());
                }
            }
            assertEquals(2 + 2 + 5 + 1, received.size(), received.toString()); // versions, attaches, gets
        }
    }

    @Test
    void numericCidsArriveAsNumericCallIdsAndGoBackAsJsonNumbers() throws Exception {
        try (LinkHarness h = LinkHarness.start(b -> b.cidAsNumber(true), s -> s)) {
            reply(h.gateway.attach(AGENT));
            long cid = (Long) h.sim.injectIncomingCall("agent1", "+70010000000");
            CtiEvent newCall = h.listener.awaitEvent(e -> e.name().equals("NewCall"), WAIT);
            assertEquals(CallId.ofNumber(cid), newCall.cid());

            CtiReply answered = reply(h.gateway.send(AGENT, new ControlCommand("Answer", Map.of("cid", newCall.cid()))));
            assertInstanceOf(CtiReply.Ok.class, answered); // the simulator rejects a cid of the wrong JSON type
            ReceivedCommand answer = h.sim.awaitCommand(c -> c.is("Answer"), WAIT);
            assertTrue(answer.json().get("cid").isIntegralNumber(), answer.rawJson());
            assertTrue(answer.rawJson().contains("\"cid\":" + cid), answer.rawJson());

            CtiReply.Data calls = assertInstanceOf(CtiReply.Data.class,
                    reply(h.gateway.send(AGENT, new ControlCommand("GetCalls", Map.of()))));
            assertEquals(List.of(CallId.ofNumber(cid)), calls.calls());
        }
    }

    @Test
    void stringCidsGoBackAsJsonStrings() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            String cid = (String) h.sim.injectIncomingCall("agent1", "+70010000000");
            CtiEvent newCall = h.listener.awaitEvent(e -> e.name().equals("NewCall"), WAIT);
            assertEquals(CallId.ofText(cid), newCall.cid());
            reply(h.gateway.send(AGENT, new ControlCommand("Hold", Map.of("cid", newCall.cid(), "on", true))));
            ReceivedCommand hold = h.sim.awaitCommand(c -> c.is("Hold"), WAIT);
            assertEquals(cid, hold.json().get("cid").textValue());
            assertTrue(hold.json().get("on").isBoolean(), hold.rawJson());
        }
    }

    @Test
    void attachingDeliversUserStateWithItsStateAndCallsWithTheirCids() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            CtiEvent state = h.listener.awaitEvent(e -> e.name().equals("UserState"), WAIT);
            assertEquals("normal", state.state());
            assertNull(state.calls());
            CtiEvent calls = h.listener.awaitEvent(e -> e.name().equals("Calls"), WAIT);
            assertEquals(List.of(), calls.calls());
            assertNull(calls.state());
        }
    }

    @Test
    void anUnknownEventWithUnknownFieldsIsDeliveredVerbatim() {
        try (LinkHarness h = LinkHarness.start()) {
            String raw = "{ \"name\" : \"BrandNewThing\", \"login\":\"agent1\", \"cid\":\"c-9\","
                    + " \"extra\":{\"nested\":[1, 2.50, \"\u0436\"]}, \"unknownFlag\":true, \"time\":1.0e3 }";
            h.sim.emitRaw(raw);
            CtiEvent event = h.listener.awaitEvent(e -> e.name().equals("BrandNewThing"), WAIT);
            assertEquals(raw, event.json());
            assertEquals(AGENT, event.login());
            assertEquals(CallId.ofText("c-9"), event.cid());
            assertNull(event.calls());
            assertNull(event.state());
        }
    }
}
