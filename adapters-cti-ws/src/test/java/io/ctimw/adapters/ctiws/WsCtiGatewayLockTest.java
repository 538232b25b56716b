package io.ctimw.adapters.ctiws;

import static io.ctimw.adapters.ctiws.LinkHarness.WAIT;
import static io.ctimw.adapters.ctiws.LinkHarness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.port.out.CtiListener;
import io.ctimw.core.testing.Await;
import io.ctimw.simulator.CtiSimulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Listener callbacks and the dependents of failed commands run with the gateway's lock released: each
 * checks that another thread can use the gateway meanwhile (it would block on a held lock).
 */
class WsCtiGatewayLockTest {
    private static final Login AGENT = new Login("agent1");
    private static final ControlCommand GET_CALLS = new ControlCommand("GetCalls", Map.of());

    /** True when another thread gets through {@code send} (which takes the lock) while the caller waits. */
    private static boolean anotherThreadCanSend(WsCtiGateway gateway) {
        CountDownLatch sent = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            gateway.send(AGENT, GET_CALLS);
            sent.countDown();
        }, "lock-probe");
        other.setDaemon(true);
        other.start();
        try {
            return sent.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Records, in each link callback, whether the gateway was usable from another thread. */
    private static final class ProbingListener implements CtiListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        volatile WsCtiGateway gateway;

        @Override
        public void onLinkUp() {
            seen.add("up:" + anotherThreadCanSend(gateway));
        }

        @Override
        public void onLinkDown(String reason) {
            seen.add("down:" + anotherThreadCanSend(gateway));
        }

        @Override
        public void onEvent(CtiEvent event) {
        }
    }

    @Test
    void linkUpAndDownAreToldWithTheLockReleased() {
        try (CtiSimulator sim = CtiSimulator.builder().operators("agent1").build().start()) {
            WsCtiGateway gateway = new WsCtiGateway(LinkHarness.fastSettings(sim.url()));
            ProbingListener listener = new ProbingListener();
            listener.gateway = gateway;
            try {
                gateway.start(listener);
                Await.until(() -> listener.seen.size() == 1, WAIT, "link never came up");
                sim.faults().dropAllConnections();
                Await.until(() -> listener.seen.size() == 3, WAIT, "drop and reconnect not told");
                assertEquals(List.of("up:true", "down:true", "up:true"), listener.seen);
            } finally {
                gateway.stop();
            }
        }
    }

    @Test
    void commandsFailedByALinkLossOrStopCompleteWithTheLockReleased() throws Exception {
        try (LinkHarness h = LinkHarness.start()) {
            reply(h.gateway.attach(AGENT));
            h.sim.faults().silence("GetCalls", true);
            CompletableFuture<Boolean> onDrop = h.gateway.send(AGENT, GET_CALLS).toCompletableFuture()
                    .thenApply(reply -> reply instanceof CtiReply.LinkDown && anotherThreadCanSend(h.gateway));
            h.sim.awaitCommand(c -> c.is("GetCalls"), WAIT);
            h.sim.faults().dropAllConnections();
            assertTrue(onDrop.get(2 * WAIT.toMillis(), TimeUnit.MILLISECONDS), "failed under the lock on drop");

            Await.until(() -> h.gateway.isReady() && h.listener.ups() == 2, WAIT, "did not reconnect");
            CompletableFuture<Boolean> onStop = h.gateway.send(AGENT, GET_CALLS).toCompletableFuture()
                    .thenApply(reply -> reply instanceof CtiReply.LinkDown && anotherThreadCanSend(h.gateway));
            h.gateway.stop();
            assertTrue(onStop.get(2 * WAIT.toMillis(), TimeUnit.MILLISECONDS), "failed under the lock on stop");
            assertEquals(0, h.gateway.pendingCount());
        }
    }

    @Test
    void stopRacingTheVersionReplyNeverReordersOrDoublesLinkCallbacks() throws Exception {
        try (CtiSimulator sim = CtiSimulator.builder().operators("agent1").build().start()) {
            for (int round = 0; round < 20; round++) {
                List<String> seen = new CopyOnWriteArrayList<>();
                WsCtiGateway gateway = new WsCtiGateway(LinkHarness.fastSettings(sim.url()));
                gateway.start(new CtiListener() {
                    @Override
                    public void onLinkUp() {
                        seen.add("up");
                    }

                    @Override
                    public void onLinkDown(String reason) {
                        seen.add("down");
                    }

                    @Override
                    public void onEvent(CtiEvent event) {
                    }
                });
                sim.awaitCommand(c -> c.is("SetProtocolVersion"), WAIT); // the Ok is on its way
                gateway.stop();
                sim.clearReceivedCommands();
                assertTrue(seen.isEmpty() || seen.equals(List.of("up", "down")), "round " + round + ": " + seen);
                assertInstanceOf(CtiReply.LinkDown.class, reply(gateway.send(AGENT, GET_CALLS)));
            }
        }
    }
}
