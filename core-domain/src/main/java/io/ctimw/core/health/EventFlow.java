package io.ctimw.core.health;

import io.ctimw.core.model.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The event flow as the dashboard shows it: events received per second, from readings of the journal's
 * counter taken whenever someone looks (no timer of its own), and the longest delivery lag of the last
 * minute, kept per second so a burst of deliveries costs one comparison each.
 */
public final class EventFlow {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SECONDS = (int) WINDOW.toSeconds();

    private record Reading(Instant at, long received) {}

    private final LongSupplier received;
    private final Clock clock;
    private final Deque<Reading> readings = new ArrayDeque<>();
    private final long[] lagSecond = new long[SECONDS];
    private final long[] lagMillis = new long[SECONDS];

    /** @param received events received since start (only grows) */
    public EventFlow(LongSupplier received, Clock clock) {
        this.received = received;
        this.clock = clock;
        Arrays.fill(lagSecond, Long.MIN_VALUE);
    }

    /** Events received per second since the oldest reading of the last minute; null until one is a second old. */
    public synchronized Double eventsPerSecond() {
        Reading now = new Reading(clock.instant(), received.getAsLong());
        while (readings.size() > 1 && readings.peekFirst().at().isBefore(now.at().minus(WINDOW))) {
            readings.removeFirst();
        }
        readings.addLast(now);
        Reading oldest = readings.peekFirst();
        long millis = Duration.between(oldest.at(), now.at()).toMillis();
        return millis < 1000 ? null : (now.received() - oldest.received()) * 1000.0 / millis;
    }

    /** Notes a delivery: its oldest event waited the longest. */
    public void delivered(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long lag = Math.max(0, Duration.between(events.get(0).receivedAt(), now).toMillis());
        long second = now.getEpochSecond();
        int slot = (int) Math.floorMod(second, SECONDS);
        synchronized (this) {
            if (lagSecond[slot] != second) {
                lagSecond[slot] = second;
                lagMillis[slot] = lag;
            } else {
                lagMillis[slot] = Math.max(lagMillis[slot], lag);
            }
        }
    }

    /** The longest lag among the deliveries of the last minute; null when there were none. */
    public synchronized Duration deliveryLag() {
        long second = clock.instant().getEpochSecond();
        long max = -1;
        for (int i = 0; i < SECONDS; i++) {
            if (lagSecond[i] > second - SECONDS && lagSecond[i] <= second) {
                max = Math.max(max, lagMillis[i]);
            }
        }
        return max < 0 ? null : Duration.ofMillis(max);
    }
}
