package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.CtiReply;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.RecordingCtiListener;
import io.ctimw.simulator.CtiSimulator;
import io.ctimw.simulator.CtiSimulatorBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A started simulator and a gateway linked to it over loopback, for the focused adapter tests. */
final class LinkHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final CtiSimulator sim;
    final WsCtiGateway gateway;
    final RecordingCtiListener listener = new RecordingCtiListener();

    private LinkHarness(CtiSimulator sim, WsCtiGateway gateway) {
        this.sim = sim;
        this.gateway = gateway;
    }

    /** Starts both and waits until the link is initialised. */
    static LinkHarness start(UnaryOperator<CtiSimulatorBuilder> simulator, UnaryOperator<CtiLinkSettings> link) {
        LinkHarness harness = startUnready(simulator, link);
        Await.until(() -> harness.gateway.isReady() && harness.listener.ups() == 1, WAIT, "link never came up");
        return harness;
    }

    static LinkHarness start() {
        return start(b -> b, s -> s);
    }

    /** Starts both without waiting for the link. */
    static LinkHarness startUnready(UnaryOperator<CtiSimulatorBuilder> simulator,
                                    UnaryOperator<CtiLinkSettings> link) {
        CtiSimulator sim = simulator.apply(CtiSimulator.builder().operators("agent1", "agent2")).build().start();
        WsCtiGateway gateway = new WsCtiGateway(link.apply(fastSettings(sim.url())));
        LinkHarness harness = new LinkHarness(sim, gateway);
        gateway.start(harness.listener);
        return harness;
    }

    /** Quick retries so that reconnect tests take milliseconds, not seconds. */
    static CtiLinkSettings fastSettings(String url) {
        return CtiLinkSettings.defaults(URI.create(url)).withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    static CtiReply reply(CompletionStage<CtiReply> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        gateway.stop();
        sim.close();
    }
}
