package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SIGKILL of the middleware JVM (a crash, the OOM killer), started again after a second. */
public final class MiddlewareKill implements Fault {
    /** The restarted middleware's log line saying how many logged events it stored (see EventJournal). */
    private static final String REPLAYED = "events received before the restart were not stored yet";

    @Override
    public String name() {
        return "middleware kill -9";
    }

    @Override
    public String tried() {
        return "SIGKILL of the middleware JVM under load, restarted 1 s later on the same port and data";
    }

    @Override
    public boolean killsTheReader() {
        return true;
    }

    @Override
    public Recovery inflict(ChaosStack stack) throws Exception {
        stack.middleware().kill9();
        Thread.sleep(1000);
        long ms = stack.middleware().relaunch(Duration.ofSeconds(90));
        long replayed = stack.middleware().log().leadingNumber(REPLAYED);
        Recovery r = Restarts.recovery(stack, ms, "", Map.of("replayed", replayed));
        List<String> details = new ArrayList<>(r.details());
        details.add("- Events the killed JVM had received but not stored, stored by the restart from its intake log: "
                + (replayed < 0 ? "none (no replay line in its log)" : replayed) + ".");
        details.add("- What a SIGKILL can still lose is what the middleware had not read yet: frames in its socket's "
                + "receive buffer and in the simulator's send queue at the kill (counted as lost), and frames the "
                + "simulator queued into the connection after the kill, before it noticed the peer was gone (counted "
                + "apart: no process could read them).");
        return new Recovery(r.figures(), r.target(), r.met(), r.counts(), details);
    }
}
