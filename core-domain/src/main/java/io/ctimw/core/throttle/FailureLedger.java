package io.ctimw.core.throttle;

import io.ctimw.core.model.ThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per key (a login, or a client address), in memory and bounded: at most {@code capacity}
 * keys; when full, the least recently seen key is forgotten. A key under attack is seen on every attempt,
 * so it stays; a flood of fresh keys only pushes out keys nobody is using. Thread-safe (one lock, O(1)
 * per call: no password hash is ever computed while it is held).
 */
final class FailureLedger {
    /** One key's current series of failures; forgotten a window after its last failure or lock. */
    private static final class Entry {
        Instant seriesStart;
        int failures;
        int strikes;
        Instant lockedUntil;
        Instant lastEvent;
        /** The lock whose first refusal was reported: later refusals of the same lock are not. */
        Instant reportedLock;
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    FailureLedger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** How much longer {@code key} is locked, or empty when it may try. */
    synchronized Optional<Duration> lockedFor(String key, Instant now, Duration window) {
        Entry e = current(key, now, window);
        if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, e.lockedUntil));
    }

    /** True once per lock of {@code key}: for the first attempt refused by it (so a flood is reported once). */
    synchronized boolean firstRefusal(String key, Instant now, Duration window) {
        Entry e = current(key, now, window);
        if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil) || e.lockedUntil.equals(e.reportedLock)) {
            return false;
        }
        e.reportedLock = e.lockedUntil;
        return true;
    }

    /**
     * Counts a failure. The {@code limit}-th failure within the window of the series' first locks the key
     * for a window; a failure right after a lock (before the series is forgotten) locks it again, twice as long.
     */
    synchronized void failed(String key, Instant now, ThrottlePolicy policy, int limit) {
        Duration window = policy.window();
        Entry e = current(key, now, window);
        if (e == null) {
            e = new Entry();
            e.seriesStart = now;
            makeRoom();
            entries.put(key, e);
        }
        if (!now.isBefore(e.seriesStart.plus(window))) {
            e.seriesStart = now;
            e.failures = 0;
        }
        e.failures++;
        e.lastEvent = now;
        if (e.strikes > 0 || e.failures >= limit) {
            e.strikes++;
            e.lockedUntil = now.plus(policy.lockFor(e.strikes));
            e.lastEvent = e.lockedUntil;
            e.failures = 0;
            e.seriesStart = now;
        }
        forgetStale(now, window);
    }

    synchronized boolean clear(String key) {
        return entries.remove(key) != null;
    }

    synchronized int size() {
        return entries.size();
    }

    /** The key's entry, or null when it has none or its series is over (a window after its last event). */
    private Entry current(String key, Instant now, Duration window) {
        Entry e = entries.get(key);
        if (e != null && !now.isBefore(e.lastEvent.plus(window))) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    private void makeRoom() {
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() >= capacity && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    /** Drops finished series from the least recently seen end; stops at the first live one (amortised O(1)). */
    private void forgetStale(Instant now, Duration window) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry e = it.next().getValue();
            if (now.isBefore(e.lastEvent.plus(window))) {
                return;
            }
            it.remove();
        }
    }
}
