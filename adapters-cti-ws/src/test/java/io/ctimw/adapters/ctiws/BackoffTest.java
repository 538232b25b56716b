package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retry delays double, are jittered and stay within the configured bounds. */
class BackoffTest {
    private static Backoff withRandom(double random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> random);
    }

    @Test
    void doublesPerFailureFromTheMinimum() {
        Backoff middle = withRandom(0.5); // no jitter
        assertEquals(500, middle.delayMillis(0));
        assertEquals(1000, middle.delayMillis(1));
        assertEquals(16_000, middle.delayMillis(5));
    }

    @Test
    void jitterIsTwentyPercentEitherWayButNeverLeavesTheBounds() {
        assertEquals(1200, withRandom(1.0).delayMillis(1));
        assertEquals(800, withRandom(0.0).delayMillis(1));
        assertEquals(500, withRandom(0.0).delayMillis(0), "never below the minimum");
        assertEquals(30_000, withRandom(1.0).delayMillis(6), "capped");
        assertEquals(30_000, withRandom(0.0).delayMillis(Integer.MAX_VALUE), "no overflow");
    }
}
