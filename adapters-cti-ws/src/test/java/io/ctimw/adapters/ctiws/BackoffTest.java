package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Retry delays double, are jittered (also at the cap) and never exceed the cap. */
class BackoffTest {
    private static Backoff withRandom(double random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), () -> random);
    }

    @Test
    void doublesPerFailureFromTheMinimum() {
        Backoff unjittered = withRandom(0.0);
        assertEquals(500, unjittered.delayMillis(0));
        assertEquals(1000, unjittered.delayMillis(1));
        assertEquals(2000, unjittered.delayMillis(2));
        assertEquals(3000, unjittered.delayMillis(3), "capped");
    }

    @Test
    void jitterShortensByUpToTwentyPercentAndNeverOverflows() {
        assertEquals(800, withRandom(1.0).delayMillis(1));
        assertEquals(400, withRandom(1.0).delayMillis(0));
        assertEquals(2400, withRandom(1.0).delayMillis(Integer.MAX_VALUE));
        assertEquals(3000, withRandom(0.0).delayMillis(Integer.MAX_VALUE));
    }

    @Test
    void afterManyFailuresTheDefaultScheduleStaysWithinTheCapAndKeepsItsJitter() {
        CtiLinkSettings defaults = CtiLinkSettings.defaults(URI.create("ws://cti.example:8098/ws"));
        long cap = defaults.reconnectMax().toMillis();
        // Issue 9: a CTI back after an outage must be noticed within a few seconds (phones re-attached < 5 s).
        assertTrue(cap <= 4000, "default reconnect cap " + cap + " ms is too long to notice a returning CTI");
        SplittableRandom random = new SplittableRandom(42);
        Backoff backoff = new Backoff(defaults.reconnectMin(), defaults.reconnectMax(), random::nextDouble);
        Set<Long> atTheCap = new TreeSet<>();
        for (int failures = 0; failures < 1000; failures++) {
            long delay = backoff.delayMillis(failures);
            assertTrue(delay > 0 && delay <= cap, "delay " + delay + " ms after " + failures + " failures");
            if (failures >= 20) {
                atTheCap.add(delay);
            }
        }
        // Still spread at the cap, so a fleet of instances does not probe a restarted CTI in lockstep.
        assertTrue(atTheCap.size() > 100, "only " + atTheCap.size() + " distinct delays at the cap");
        assertTrue(atTheCap.stream().allMatch(d -> d >= cap * 0.8), atTheCap.toString());
    }
}
