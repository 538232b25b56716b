package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** SIGKILL of the middleware JVM (a crash, the OOM killer), started again after a second. */
public final class MiddlewareKill implements Fault {
    @Override
    public String name() {
        return "middleware kill -9";
    }

    @Override
    public String tried() {
        return "SIGKILL of the middleware JVM under load, restarted 1 s later on the same port and data";
    }

    @Override
    public Recovery inflict(ChaosStack stack) throws Exception {
        stack.middleware().kill9();
        Thread.sleep(1000);
        long start = System.nanoTime();
        stack.middleware().launch();
        stack.middleware().awaitReady(Duration.ofSeconds(90));
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new Recovery("ready again " + ms + " ms after the restart", "", true, Map.of("readyAfterMs", ms),
                List.of("- The restarted JVM was ready (`/ready` 200) " + ms + " ms after it was launched."));
    }
}
