package io.ctimw.app.agent.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits (with Awaitility) for output a background thread produces; on timeout shows what there was. */
public final class Await {
    private Await() {
    }

    public static void until(String what, BooleanSupplier condition, Supplier<String> onFailure) {
        try {
            await(what).atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "\n" + onFailure.get(), e);
        }
    }
}
