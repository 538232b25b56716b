package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The part of a fault's figures that says whether the middleware came back after it was started again. */
final class Restarts {
    private Restarts() {
    }

    /**
     * @param readyMs what {@code MiddlewareNode.relaunch} returned (-1: it did not come back)
     * @param figure  the fault's own figure before the restart's, "" if none
     */
    static Recovery recovery(ChaosStack stack, long readyMs, String figure, Map<String, Long> counts) {
        Map<String, Long> all = new HashMap<>(counts);
        all.put("readyAfterMs", readyMs);
        String prefix = figure.isEmpty() ? "" : figure + "; ";
        if (readyMs < 0) {
            String why = stack.middleware().log().lastLine();
            return new Recovery(prefix + "**the restarted middleware did not come back**", "it starts again", false, all,
                    List.of("- The restarted middleware was not ready within 90 s; its last line: `" + why.replace('`', '\'')
                            + "`. Events after the fault could not be delivered."));
        }
        return new Recovery(prefix + "ready " + readyMs + " ms after the restart", "", true, all,
                List.of("- " + prefix + "the restarted JVM was ready (`/ready` 200) " + readyMs + " ms after it was launched."));
    }
}
