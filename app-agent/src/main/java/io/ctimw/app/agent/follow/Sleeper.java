package io.ctimw.app.agent.follow;

import java.time.Duration;

/** Waits between retries; injected so tests do not sleep for real. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return d -> Thread.sleep(d.toMillis());
    }
}
