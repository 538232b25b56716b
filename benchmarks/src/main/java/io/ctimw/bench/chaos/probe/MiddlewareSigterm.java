package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.time.Duration;
import java.util.Map;

/** SIGTERM (a deploy, a container stop) under load: the graceful stop, then a start on the same data. */
public final class MiddlewareSigterm implements Fault {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "middleware SIGTERM";
    }

    @Override
    public String tried() {
        return "SIGTERM of the middleware under load (embedded PostgreSQL), restarted on the same port and data";
    }

    @Override
    public Recovery inflict(ChaosStack stack) throws Exception {
        Duration took = stack.middleware().sigterm(PATIENCE);
        if (took == null) {
            stack.middleware().kill9();
        }
        long ms = took == null ? -1 : took.toMillis();
        String stop = took == null ? "not stopped after " + PATIENCE.toSeconds() + " s (killed)" : "stop took " + ms + " ms";
        return Restarts.recovery(stack, stack.middleware().relaunch(Duration.ofSeconds(90)), stop, Map.of("stopMs", ms));
    }
}
