package io.ctimw.core.testing;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.EventRefusedException;
import io.ctimw.core.port.out.EventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.ctimw.core.model.StoredState;
import java.util.function.Predicate;

/**
 * A thread-safe in-memory {@link EventStore} with one global cursor sequence, like the database's
 * identity column: cursors are never reused, even after events are deleted. Like PostgreSQL it
 * refuses text containing U+0000 (a whole batch at once); tests can make it refuse other events too.
 */
public final class InMemoryEventStore implements EventStore {
    /** Per login, events in cursor order (appends only ever add larger cursors at the end). */
    private final Map<Login, List<StoredEvent>> byLogin = new HashMap<>();
    private final StoreOutage outage = new StoreOutage("event store");
    private final List<QuarantineRow> quarantined = new ArrayList<>();
    /** A state row and when its last event was received (retention drops it with that event). */
    private record StateRow(StoredState state, Instant lastEventAt) {
    }

    private final Map<Login, StateRow> states = new HashMap<>();
    private volatile Predicate<PendingEvent> refused = InMemoryEventStore::hasNul;
    private volatile boolean quarantineRefused;
    private long lastCursor;
    private long intakeWatermark;

    /** PostgreSQL's text types cannot hold a 0x00 byte: such an event is refused. */
    private static boolean hasNul(PendingEvent e) {
        return e.name().indexOf('\0') >= 0 || e.json().indexOf('\0') >= 0;
    }

    /** Refuses, besides events PostgreSQL would refuse, every event {@code alsoRefused} matches. */
    public void refuseWhen(Predicate<PendingEvent> alsoRefused) {
        refused = ((Predicate<PendingEvent>) InMemoryEventStore::hasNul).or(alsoRefused);
    }

    /** While set, {@link #quarantine} refuses everything too. */
    public void setQuarantineRefused(boolean quarantineRefused) {
        this.quarantineRefused = quarantineRefused;
    }

    /** The quarantined events, oldest first. */
    public synchronized List<QuarantineRow> quarantined() {
        return List.copyOf(quarantined);
    }

    /** While unavailable, every call throws {@link io.ctimw.core.port.out.StoreUnavailableException}. */
    public void setAvailable(boolean available) {
        outage.setAvailable(available);
    }

    @Override
    public synchronized List<StoredEvent> append(List<PendingEvent> batch, Map<Login, String> states) {
        outage.check();
        if (batch.stream().anyMatch(refused) || states.values().stream().anyMatch(j -> j.indexOf('\0') >= 0)) {
            throw new EventRefusedException("22021: invalid byte sequence for encoding \"UTF8\": 0x00", null);
        }
        if (!batch.stream().map(PendingEvent::login).toList().containsAll(states.keySet())) {
            throw new IllegalArgumentException("a state for a login without an event in the batch");
        }
        List<StoredEvent> stored = new ArrayList<>(batch.size());
        for (PendingEvent e : batch) {
            stored.add(new StoredEvent(++lastCursor, e.login(), e.name(), e.json(), e.receivedAt()));
        }
        stored.forEach(e -> byLogin.computeIfAbsent(e.login(), l -> new ArrayList<>()).add(e));
        stored.forEach(e -> {
            if (states.containsKey(e.login())) {
                this.states.put(e.login(), new StateRow(new StoredState(e.cursor(), states.get(e.login())),
                        e.receivedAt()));
            }
        });
        intakeWatermark = Math.max(intakeWatermark, PendingEvent.lastIntakeSeq(batch));
        return List.copyOf(stored);
    }

    @Override
    public synchronized Optional<StoredState> state(Login login) {
        outage.check();
        return Optional.ofNullable(states.get(login)).map(StateRow::state);
    }

    @Override
    public synchronized void quarantine(PendingEvent event, String reason) {
        outage.check();
        if (quarantineRefused) {
            throw new EventRefusedException("quarantine refused by the test", null);
        }
        quarantined.add(QuarantineRow.of(event.login(), event.json().getBytes(StandardCharsets.UTF_8),
                event.receivedAt(), reason));
        intakeWatermark = Math.max(intakeWatermark, event.intakeSeq());
    }

    @Override
    public synchronized long intakeWatermark() {
        outage.check();
        return intakeWatermark;
    }

    @Override
    public synchronized List<StoredEvent> after(Login login, long after, int limit) {
        outage.check();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<StoredEvent> events = byLogin.getOrDefault(login, List.of());
        int from = firstIndexAfter(events, after);
        return List.copyOf(events.subList(from, Math.min(events.size(), from + limit)));
    }

    @Override
    public synchronized long latestCursor(Login login) {
        outage.check();
        List<StoredEvent> events = byLogin.getOrDefault(login, List.of());
        return events.isEmpty() ? 0 : events.get(events.size() - 1).cursor();
    }

    @Override
    public synchronized int deleteReceivedBefore(Instant cutoff) {
        outage.check();
        int before = size();
        byLogin.values().forEach(events -> events.removeIf(e -> e.receivedAt().isBefore(cutoff)));
        byLogin.values().removeIf(List::isEmpty);
        states.values().removeIf(row -> row.lastEventAt().isBefore(cutoff));
        return before - size();
    }

    @Override
    public void ping() {
        outage.check();
    }

    /** How many events are stored, across all logins. */
    public synchronized int size() {
        return byLogin.values().stream().mapToInt(List::size).sum();
    }

    /** Binary search: the index of the first event with a cursor greater than {@code after}. */
    private static int firstIndexAfter(List<StoredEvent> events, long after) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).cursor() <= after) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
