package io.ctimw.adapters.ctiws;

import static io.ctimw.adapters.ctiws.LinkHarness.WAIT;
import static io.ctimw.adapters.ctiws.LinkHarness.reply;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * The gateway against each fault the simulator injects, over a real WebSocket (issue 9); a reply never
 * sent is in {@link WsCtiGatewayFaultsTest}.
 */
class WsCtiGatewayInjectedFaultsTest {
    private static final Login AGENT = new Login("agent1");
    private static final ControlCommand GET_CALLS = new ControlCommand("GetCalls", Map.of());
    private static final ControlCommand GET_STATE = new ControlCommand("GetUserState", Map.of());
    // Scheduling slack for a loaded machine, on top of the bound each test derives from the settings.
    private static final Duration SLACK = Duration.ofMillis(1500);

    private static LinkHarness attached(java.util.function.UnaryOperator<CtiLinkSettings> link) throws Exception {
        LinkHarness h = LinkHarness.start(b -> b, link);
        assertInstanceOf(CtiReply.Ok.class, reply(h.gateway.attach(AGENT)));
        h.listener.awaitEvent(e -> e.name().equals("Conferences"), WAIT); // the attach sequence is over
        return h;
    }

    @Test
    void aDuplicateReplyIsCountedLateAndNeitherDeliveredNorFatal() throws Exception {
        try (LinkHarness h = attached(s -> s)) {
            int events = h.listener.events().size();
            h.sim.faults().duplicateReplies(true);
            CtiReply.Data state = assertInstanceOf(CtiReply.Data.class, reply(h.gateway.send(AGENT, GET_STATE)));
            assertEquals("UserState", state.name());
            await().atMost(WAIT).until(() -> h.gateway.stats().lateReplies() == 1);
            h.sim.faults().duplicateReplies(false);
            assertInstanceOf(CtiReply.Data.class, reply(h.gateway.send(AGENT, GET_CALLS)));
            assertEquals(events, h.listener.events().size(), h.listener.events().toString());
            assertTrue(h.gateway.isReady());
            assertEquals(0, h.listener.downs());
        }
    }

    @Test
    void aDelayedReplyWithinTheTimeoutIsStillDelivered() throws Exception {
        try (LinkHarness h = attached(s -> s.withReplyTimeout(Duration.ofSeconds(5)))) {
            h.sim.faults().replyDelay(Duration.ofMillis(400));
            CompletionStage<CtiReply> delayed = h.gateway.send(AGENT, GET_STATE);
            assertEquals(1, h.gateway.pendingCount());
            assertEquals("UserState", assertInstanceOf(CtiReply.Data.class, reply(delayed)).name());
            assertEquals(0, h.gateway.pendingCount());
            assertEquals(0, h.gateway.stats().lateReplies());
        }
    }

    @Test
    void reorderedRepliesStillReachTheirOwnCommands() throws Exception {
        try (LinkHarness h = attached(s -> s)) {
            h.sim.faults().reorderFrames(true);
            CompletionStage<CtiReply> state = h.gateway.send(AGENT, GET_STATE);
            CompletionStage<CtiReply> calls = h.gateway.send(AGENT, GET_CALLS);
            assertEquals("Calls", assertInstanceOf(CtiReply.Data.class, reply(calls)).name());
            assertEquals("UserState", assertInstanceOf(CtiReply.Data.class, reply(state)).name());
            h.sim.faults().reorderFrames(false);
        }
    }

    @Test
    void malformedFramesAreCountedAndTheLinkStaysUp() throws Exception {
        try (LinkHarness h = attached(s -> s)) {
            long before = h.gateway.stats().malformed();
            h.sim.faults().malformedFrames(true);
            assertInstanceOf(CtiReply.Data.class, reply(h.gateway.send(AGENT, GET_STATE)));
            Object cid = h.sim.injectIncomingCall("agent1", "+70010000000");
            h.sim.faults().malformedFrames(false);
            h.listener.awaitEvent(e -> e.name().equals("NewCall") && e.json().contains(cid.toString()), WAIT);
            // One malformed frame went before each of the two real ones; frames are judged in order.
            assertEquals(before + 2, h.gateway.stats().malformed());
            assertTrue(h.gateway.isReady());
            assertEquals(0, h.listener.downs());
        }
    }

    @Test
    void unansweredPingsGetTheLinkDroppedWithinThePingIntervalAndItReconnects() throws Exception {
        Duration pingInterval = Duration.ofSeconds(2);
        try (LinkHarness h = attached(s -> s.withPingInterval(pingInterval))) {
            h.sim.faults().answerPings(false);
            await().atMost(pingInterval.plus(SLACK)).until(() -> h.listener.downs() == 1);
            assertTrue(h.sim.faults().pingsIgnored() >= 1);
            h.sim.faults().answerPings(true);
            await().atMost(WAIT).until(() -> h.gateway.isReady() && h.listener.ups() == 2);
            assertInstanceOf(CtiReply.Ok.class, reply(h.gateway.attach(AGENT)));
        }
    }

    @Test
    void aRefusedAttachIsRejectedWithTheCtisReason() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            h.sim.faults().rejectAttaches(true);
            // The core turns Rejected into mw.PhoneUnavailable with reason attach-refused and this description.
            assertEquals(new CtiReply.Rejected("no licence"), reply(h.gateway.attach(AGENT)));
            assertTrue(h.sim.attachedLogins().isEmpty());
            assertTrue(h.gateway.isReady());
            h.sim.faults().rejectAttaches(false);
            assertInstanceOf(CtiReply.Ok.class, reply(h.gateway.attach(AGENT)));
        }
    }
}
