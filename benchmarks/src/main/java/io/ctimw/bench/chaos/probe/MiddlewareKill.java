package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.time.Duration;
import java.util.ArrayList;
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
        long ms = stack.middleware().relaunch(Duration.ofSeconds(90));
        Recovery r = Restarts.recovery(stack, ms, "", Map.of());
        List<String> details = new ArrayList<>(r.details());
        details.add("- A SIGKILL loses by construction what sat in the killed process: its socket buffer and the events "
                + "received but not yet stored (the CTI protocol has no acknowledgements and keeps no history). The lost "
                + "figure is the size of that window; only a shorter store delay makes it smaller.");
        return new Recovery(r.figures(), r.target(), r.met(), r.counts(), details);
    }
}
