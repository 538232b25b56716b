package io.ctimw.adapters.ctiws;

import static io.ctimw.adapters.ctiws.LinkHarness.WAIT;
import static io.ctimw.adapters.ctiws.LinkHarness.reply;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.RecordingCtiListener;
import io.ctimw.simulator.CtiSimulator;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Connecting, attaching, reconnecting after a server restart, refusals at initialisation, and stopping. */
class WsCtiGatewayLifecycleTest {
    private static final Login AGENT = new Login("agent1");
    private static final Duration RECONNECT_SLACK = Duration.ofMillis(1500);

    @Test
    void attachAndDetachReachTheCti() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            assertInstanceOf(CtiReply.Ok.class, reply(h.gateway.attach(AGENT)));
            assertTrue(h.sim.attachedLogins().contains("agent1"));
            assertInstanceOf(CtiReply.Ok.class, reply(h.gateway.detach(AGENT)));
            Await.until(() -> !h.sim.attachedLogins().contains("agent1"), WAIT, "still attached");
            assertInstanceOf(CtiReply.Rejected.class, reply(h.gateway.detach(AGENT)));
        }
    }

    @Test
    void aRestartedServerOnTheSamePortIsReconnectedAndInitialisedAgain() throws Exception {
        CtiSimulator first = CtiSimulator.builder().operators("agent1").build().start();
        int port = first.port();
        WsCtiGateway gateway = new WsCtiGateway(LinkHarness.fastSettings(first.url()));
        RecordingCtiListener listener = new RecordingCtiListener();
        CtiSimulator second = null;
        try {
            gateway.start(listener);
            Await.until(() -> gateway.isReady() && listener.ups() == 1, WAIT, "link never came up");
            reply(gateway.attach(AGENT));

            first.close();
            Await.until(() -> listener.downs() == 1, WAIT, "server shutdown not reported");
            assertFalse(gateway.isReady());
            Await.until(() -> gateway.stats().reconnects() >= 2, WAIT, "not retrying"); // refused while down

            second = CtiSimulator.builder().port(port).operators("agent1").build().start();
            Await.until(() -> gateway.isReady() && listener.ups() == 2, WAIT, "did not reconnect");
            assertEquals("SetProtocolVersion", second.receivedCommands().get(0).name());
            assertInstanceOf(CtiReply.Ok.class, reply(gateway.attach(AGENT)));
            assertTrue(second.attachedLogins().contains("agent1"));
            assertEquals(1, listener.downs());
        } finally {
            gateway.stop();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void aCtiBackAfterAnOutageLongerThanSeveralAttemptsIsReconnectedWithinTheReconnectCap() throws Exception {
        CtiSimulator first = CtiSimulator.builder().operators("agent1").build().start();
        int port = first.port();
        CtiLinkSettings settings = LinkHarness.fastSettings(first.url())
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(600));
        WsCtiGateway gateway = new WsCtiGateway(settings);
        RecordingCtiListener listener = new RecordingCtiListener();
        CtiSimulator second = null;
        try {
            gateway.start(listener);
            Await.until(() -> gateway.isReady() && listener.ups() == 1, WAIT, "link never came up");
            first.close();
            // 20, 40, 80, 160, 320 ms, then the cap several times: the backoff has long reached it.
            await().atMost(WAIT).until(() -> gateway.stats().reconnects() >= 9);

            second = CtiSimulator.builder().port(port).operators("agent1").build().start();
            // Within one cap (plus the connect, the version round trip and a loaded CI machine's slack).
            await().atMost(settings.reconnectMax().plus(RECONNECT_SLACK))
                    .until(() -> gateway.isReady() && listener.ups() == 2);
            assertInstanceOf(CtiReply.Ok.class, reply(gateway.attach(AGENT)));
        } finally {
            gateway.stop();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void aRefusedProtocolVersionIsRetriedAndNeverReportsUp() {
        try (LinkHarness h = LinkHarness.startUnready(b -> b, s -> s.withProtocolVersion("12"))) {
            Await.until(() -> h.gateway.stats().reconnects() >= 2, WAIT, "refusal not retried");
            assertFalse(h.gateway.isReady());
            assertEquals(0, h.listener.ups());
            assertEquals(0, h.listener.downs());
            assertTrue(h.sim.receivedCommands().stream().allMatch(c -> c.is("SetProtocolVersion")
                    && "12".equals(c.json().get("protocolVersion").asText())), h.sim.receivedCommands().toString());
        }
    }

    @Test
    void aServerThatAcceptsButNeverCompletesTheHandshakeIsAbandonedAndRetried() throws Exception {
        // The OS accepts the TCP connections into the backlog; nobody ever answers the handshake.
        try (ServerSocket mute = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CtiLinkSettings settings = LinkHarness.fastSettings("ws://127.0.0.1:" + mute.getLocalPort() + "/ws")
                    .withConnectTimeout(Duration.ofMillis(300));
            WsCtiGateway gateway = new WsCtiGateway(settings);
            try {
                gateway.start(new RecordingCtiListener());
                Await.until(() -> gateway.stats().reconnects() >= 2, WAIT, "hanging handshake not abandoned");
                assertFalse(gateway.isReady());
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void stopClosesForGoodFailsPendingCommandsAndReportsDownOnce() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            h.sim.faults().silence("GetCalls", true);
            CompletionStage<CtiReply> pending = h.gateway.send(AGENT, new ControlCommand("GetCalls", Map.of()));
            h.sim.awaitCommand(c -> c.is("GetCalls"), WAIT);

            h.gateway.stop();
            assertInstanceOf(CtiReply.LinkDown.class, reply(pending));
            assertFalse(h.gateway.isReady());
            assertEquals(1, h.listener.downs());
            assertInstanceOf(CtiReply.LinkDown.class, reply(h.gateway.attach(AGENT)));
            assertTrue(h.gateway.awaitStopped(WAIT), "a reconnect could still start after stop()");
            long attempts = h.gateway.stats().reconnects();
            Await.until(() -> h.sim.connectionCount() == 0, WAIT, "connection not closed");
            assertEquals(attempts, h.gateway.stats().reconnects(), "reconnected after stop()");
            h.gateway.stop(); // idempotent
            assertEquals(1, h.listener.downs());
            assertThrows(IllegalStateException.class, () -> h.gateway.start(new RecordingCtiListener()));
        }
    }

    @Test
    void stopWhileRetryingStopsTheRetries() throws Exception {
        CtiSimulator first = CtiSimulator.builder().operators("agent1").build().start();
        int port = first.port();
        WsCtiGateway gateway = new WsCtiGateway(LinkHarness.fastSettings(first.url()));
        RecordingCtiListener listener = new RecordingCtiListener();
        gateway.start(listener);
        Await.until(() -> gateway.isReady(), WAIT, "link never came up");
        first.close();
        Await.until(() -> gateway.stats().reconnects() >= 2, WAIT, "not retrying");

        gateway.stop();
        // The barrier: the retry timer has terminated, so no attempt can start from here on.
        assertTrue(gateway.awaitStopped(WAIT), "a retry could still start after stop()");
        long attempts = gateway.stats().reconnects();
        try (CtiSimulator second = CtiSimulator.builder().port(port).operators("agent1").build().start()) {
            assertFalse(gateway.isReady());
            assertEquals(attempts, gateway.stats().reconnects(), "the stopped gateway retried");
        }
        assertEquals(1, listener.downs());
        assertEquals(1, listener.ups());
    }
}
