package io.ctimw.bench.chaos.probe;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** SIGKILL of the embedded PostgreSQL's postmaster: the middleware is meant to start it again itself. */
public final class DatabaseKill implements Fault {
    private static final long TARGET_MS = 10_000;
    private static final long GIVE_UP_MS = 30_000;

    @Override
    public String name() {
        return "database kill -9";
    }

    @Override
    public String tried() {
        return "SIGKILL of the embedded PostgreSQL postmaster under load; nobody restarts it but the middleware";
    }

    @Override
    public Recovery inflict(ChaosStack stack) throws Exception {
        long pid = stack.middleware().postgres().kill9();
        long start = System.nanoTime();
        long ms = -1;
        boolean sawNotReady = false;
        while ((System.nanoTime() - start) / 1_000_000 < GIVE_UP_MS) {
            int status = stack.middleware().readyStatus(Duration.ofSeconds(1));
            sawNotReady |= status != 200;
            if (status == 200 && sawNotReady) {
                ms = (System.nanoTime() - start) / 1_000_000;
                break;
            }
            Thread.sleep(100);
        }
        boolean back = ms >= 0 && ms <= TARGET_MS;
        String figure = ms < 0 ? "`/ready` not 200 again within " + GIVE_UP_MS / 1000 + " s" : "`/ready` 200 again after " + ms + " ms";
        return new Recovery(figure, "database back by itself within " + TARGET_MS / 1000 + " s", back,
                Map.of("backAfterMs", ms), List.of("- Killed postmaster pid " + pid + "; " + figure + "."));
    }
}
