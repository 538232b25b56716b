package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory tail of a login's events answers only readers it can answer completely. */
class RecentEventsTest {
    private static StoredEvent event(long cursor) {
        return new StoredEvent(cursor, new Login("agent1"), "E" + cursor, "{}", Instant.EPOCH);
    }

    private static List<Long> cursors(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::cursor).toList();
    }

    @Test
    void readersFromTheFirstHeldCursorOnAreServedOldestFirst() {
        RecentEvents recent = new RecentEvents(4, event(10));
        recent.add(event(11));
        recent.add(event(12));
        assertEquals(List.of(11L, 12L), cursors(recent.after(10, 10)));
        assertEquals(List.of(12L), cursors(recent.after(11, 10)));
        assertEquals(List.of(), cursors(recent.after(12, 10)));
        assertEquals(List.of(11L), cursors(recent.after(10, 1)));
    }

    @Test
    void aReaderBehindTheFirstHeldEventMustGoToTheStore() {
        RecentEvents recent = new RecentEvents(4, event(10));
        assertNull(recent.after(9, 10), "event 10's predecessors may exist only in the store");
        assertNull(recent.after(0, 10));
    }

    @Test
    void evictingTheOldestMovesTheCoveredPosition() {
        RecentEvents recent = new RecentEvents(2, event(1));
        recent.add(event(2));
        recent.add(event(3)); // evicts 1
        assertNull(recent.after(0, 10));
        assertEquals(List.of(2L, 3L), cursors(recent.after(1, 10)));
        recent.add(event(4)); // evicts 2
        assertNull(recent.after(1, 10));
        assertEquals(List.of(3L, 4L), cursors(recent.after(2, 10)));
    }
}
