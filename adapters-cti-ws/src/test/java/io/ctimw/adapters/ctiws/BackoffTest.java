package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Backoff;
import java.net.URI;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The link's default reconnect schedule notices a returning CTI within a few seconds, and stays jittered. */
class BackoffTest {
    @Test
    void afterManyFailuresTheDefaultScheduleStaysWithinTheCapAndKeepsItsJitter() {
        CtiLinkSettings defaults = CtiLinkSettings.defaults(URI.create("ws://cti.example:8098/ws"));
        long cap = defaults.reconnectMax().toMillis();
        // Issue 9: a CTI back after an outage must be noticed within a few seconds (phones re-attached < 5 s).
        assertTrue(cap <= 4000, "default reconnect cap " + cap + " ms is too long to notice a returning CTI");
        SplittableRandom random = new SplittableRandom(42);
        Backoff backoff = new Backoff(defaults.reconnectMin(), defaults.reconnectMax(), random::nextDouble);
        Set<Long> atTheCap = new TreeSet<>();
        for (int attempt = 1; attempt <= 1000; attempt++) {
            long delay = backoff.delay(attempt).toMillis();
            assertTrue(delay > 0 && delay <= cap, "delay " + delay + " ms before attempt " + attempt);
            if (attempt > 20) {
                atTheCap.add(delay);
            }
        }
        // Still spread at the cap, so a fleet of instances does not probe a restarted CTI in lockstep.
        assertTrue(atTheCap.size() > 100, "only " + atTheCap.size() + " distinct delays at the cap");
        assertTrue(atTheCap.stream().allMatch(d -> d >= cap / 2), atTheCap.toString());
    }
}
