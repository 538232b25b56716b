package io.ctimw.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static Backoff withRandom(double r) {
        return new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> r);
    }

    @Test
    void doublesPerAttemptUpToTheCeiling() {
        Backoff lowest = withRandom(0.0);
        assertEquals(Duration.ofMillis(50), lowest.delay(1));
        assertEquals(Duration.ofMillis(100), lowest.delay(2));
        assertEquals(Duration.ofMillis(200), lowest.delay(3));
        assertEquals(Duration.ofMillis(400), lowest.delay(4));
        assertEquals(Duration.ofMillis(500), lowest.delay(5), "capped at max, half of it fixed");
        assertEquals(Duration.ofMillis(500), lowest.delay(1_000), "no overflow on long outages");
    }

    @Test
    void theRandomSourceSpreadsTheOtherHalf() {
        assertEquals(Duration.ofMillis(75), withRandom(0.5).delay(1));
        assertEquals(Duration.ofMillis(999), withRandom(0.999).delay(5));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> withRandom(0).delay(0));
        assertThrows(IllegalStateException.class, () -> withRandom(1.0).delay(1));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0));
    }
}
