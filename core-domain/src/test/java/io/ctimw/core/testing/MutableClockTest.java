package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    @Test
    void standsStillUntilSetOrAdvanced() {
        MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"), clock.instant());
        assertEquals(Instant.parse("2026-01-01T10:00:05Z"), clock.advance(Duration.ofSeconds(5)));
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), clock.instant());
    }

    @Test
    void aZonedCopySharesTheTime() {
        MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(clock.instant(), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }
}
