package io.ctimw.adapters.ctiws;

import static io.ctimw.adapters.ctiws.LinkHarness.WAIT;
import static io.ctimw.adapters.ctiws.LinkHarness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How the link copes with a misbehaving CTI: garbage, refusals, silence, late replies, drops. */
class WsCtiGatewayFaultsTest {
    private static final Login AGENT = new Login("agent1");
    private static final ControlCommand GET_CALLS = new ControlCommand("GetCalls", Map.of());
    private static final ControlCommand GET_STATE = new ControlCommand("GetUserState", Map.of());

    @Test
    void garbageFramesAreCountedAndTheLinkStaysUpForLaterEvents() {
        try (LinkHarness h = LinkHarness.start()) {
            h.sim.faults().sendGarbage(); // a non-JSON frame and an object without name
            h.sim.emitRaw("[1,2]");
            h.sim.emitRaw("\"just a string\"");
            h.sim.emitRaw("{\"name\":\"\",\"login\":\"agent1\"}");
            h.sim.emitRaw("{\"name\":\"NoLogin\"}");
            h.sim.emitRaw("{\"name\":\"UserState\",\"login\":\"not a valid login!\",\"state\":\"away\"}");
            h.sim.emitRaw("{\"name\":\"Trailing\",\"login\":\"agent1\"} junk");
            h.sim.emitRaw("{\"name\":\"StillFlowing\",\"login\":\"agent1\"}");

            h.listener.awaitEvent(e -> e.name().equals("StillFlowing"), WAIT);
            // Frames are read in order on one thread: every earlier frame has been judged by now.
            assertEquals(8, h.gateway.stats().malformed());
            assertEquals(1, h.gateway.stats().events());
            assertEquals(1, h.listener.events().size(), h.listener.events().toString());
            assertTrue(h.gateway.isReady());
            assertEquals(0, h.listener.downs());
        }
    }

    @Test
    void anErrorFromTheCtiIsRejectedWithItsDescription() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            h.sim.faults().failNext("GetUserState", "licence server unreachable");
            CtiReply reply = reply(h.gateway.send(AGENT, GET_STATE));
            assertEquals(new CtiReply.Rejected("licence server unreachable"), reply);
        }
    }

    @Test
    void aSilencedCommandTimesOutAfterTheConfiguredTimeout() throws Exception {
        try (LinkHarness h = LinkHarness.start(b -> b, s -> s.withReplyTimeout(Duration.ofMillis(300)))) {
            reply(h.gateway.attach(AGENT));
            h.sim.faults().silence("GetCalls", true);
            long start = System.nanoTime();
            CtiReply reply = reply(h.gateway.send(AGENT, GET_CALLS));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(CtiReply.TimedOut.class, reply);
            assertEquals(0, h.gateway.pendingCount(), "the timed-out command is still pending");
            assertTrue(elapsedMillis >= 290 && elapsedMillis < 5000, "timed out after " + elapsedMillis + " ms");
            assertTrue(h.gateway.isReady(), "a missing reply must not take the link down");
        }
    }

    @Test
    void aReplyAfterTheTimeoutIsCountedAsLateAndNotDeliveredAsAnEvent() throws Exception {
        try (LinkHarness h = LinkHarness.start(b -> b, s -> s.withReplyTimeout(Duration.ofMillis(200)))) {
            reply(h.gateway.attach(AGENT));
            h.listener.awaitEvent(e -> e.name().equals("Conferences"), WAIT); // the attach sequence is over
            int eventsBefore = h.listener.events().size();
            h.sim.faults().replyDelay(Duration.ofMillis(600));
            assertInstanceOf(CtiReply.TimedOut.class, reply(h.gateway.send(AGENT, GET_STATE)));
            Await.until(() -> h.gateway.stats().lateReplies() == 1, WAIT, "late UserState not counted");
            assertEquals(eventsBefore, h.listener.events().size(), h.listener.events().toString());
        }
    }

    @Test
    void aCommandPendingWhenTheLinkDropsCompletesWithLinkDown() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            h.sim.faults().silence("GetCalls", true);
            CompletableFuture<CtiReply> pending = h.gateway.send(AGENT, GET_CALLS).toCompletableFuture();
            h.sim.awaitCommand(c -> c.is("GetCalls"), WAIT);
            assertFalse(pending.isDone());
            h.sim.faults().dropAllConnections();
            CtiReply.LinkDown down = assertInstanceOf(CtiReply.LinkDown.class, reply(pending));
            assertFalse(down.reason().isBlank());
            assertTrue(down.maybeSent(), "it was written: the CTI may have run it");
            Await.until(() -> h.listener.downs() == 1, WAIT, "drop not reported");
        }
    }

    @Test
    void commandsWhileTheLinkIsNotReadyAreLinkDownAtOnceAndNotWritten() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            // Reconnect with the version reply held back: connected, but not yet initialised.
            h.sim.faults().replyDelay(Duration.ofSeconds(1));
            h.sim.clearReceivedCommands();
            h.sim.faults().dropAllConnections();
            Await.until(() -> h.listener.downs() == 1, WAIT, "drop not reported");
            h.sim.awaitCommand(c -> c.is("SetProtocolVersion"), WAIT);
            assertFalse(h.gateway.isReady());

            for (CompletableFuture<CtiReply> stage : List.of(h.gateway.attach(AGENT).toCompletableFuture(),
                    h.gateway.send(AGENT, GET_CALLS).toCompletableFuture())) {
                assertTrue(stage.isDone());
                assertFalse(assertInstanceOf(CtiReply.LinkDown.class, stage.getNow(null)).maybeSent());
            }
            h.sim.faults().replyDelay(Duration.ZERO);
            Await.until(() -> h.gateway.isReady() && h.listener.ups() == 2, WAIT, "link never came back");
            assertTrue(h.sim.receivedCommands().stream().allMatch(c -> c.is("SetProtocolVersion")),
                    h.sim.receivedCommands().toString());
        }
    }

    @Test
    void beforeStartEveryCommandIsLinkDown() throws Exception {
        WsCtiGateway gateway = new WsCtiGateway(LinkHarness.fastSettings("ws://127.0.0.1:9/ws"));
        try {
            CompletableFuture<CtiReply> stage = gateway.send(AGENT, GET_CALLS).toCompletableFuture();
            assertTrue(stage.isDone());
            assertInstanceOf(CtiReply.LinkDown.class, stage.getNow(null));
            assertFalse(gateway.isReady());
        } finally {
            gateway.stop();
        }
    }
}
