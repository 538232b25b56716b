package io.ctimw.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Events per second from counter readings; the longest delivery lag of the last minute. */
class EventFlowTest {
    private final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    private final AtomicLong received = new AtomicLong(100);
    private final EventFlow flow = new EventFlow(received::get, clock);

    private StoredEvent receivedAt(Instant at) {
        return new StoredEvent(1, new Login("agent1"), "NewCall", "{}", at);
    }

    @Test
    void theRateIsTheCounterSIncreaseOverTheReadingsOfTheLastMinute() {
        assertNull(flow.eventsPerSecond());
        clock.advance(Duration.ofSeconds(4));
        received.addAndGet(20);
        assertEquals(5.0, flow.eventsPerSecond());
        clock.advance(Duration.ofSeconds(50));
        received.addAndGet(80);
        assertEquals(100 / 54.0, flow.eventsPerSecond(), 1e-9);
        clock.advance(Duration.ofSeconds(30)); // the first two readings are now older than a minute
        received.addAndGet(30);
        assertEquals(1.0, flow.eventsPerSecond(), 1e-9);
    }

    @Test
    void theLagIsTheLongestOfTheLastMinuteOldestEventOfEachBatch() {
        assertNull(flow.deliveryLag());
        Instant now = clock.instant();
        flow.delivered(List.of(receivedAt(now.minusMillis(300)), receivedAt(now.minusMillis(10))));
        clock.advance(Duration.ofSeconds(1));
        flow.delivered(List.of(receivedAt(clock.instant().minusMillis(40))));
        assertEquals(Duration.ofMillis(300), flow.deliveryLag());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofMillis(40), flow.deliveryLag(), "the 300 ms delivery is a minute old");
        clock.advance(Duration.ofSeconds(1));
        assertNull(flow.deliveryLag());
    }
}
