package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryHubTest {
    private final DeliveryHub hub = new DeliveryHub(3);
    private final Login alice = new Login("alice");
    private final Login bob = new Login("bob");

    private static StoredEvent event(Login login, long cursor) {
        return new StoredEvent(cursor, login, "E" + cursor, "{}", Instant.EPOCH);
    }

    private static List<Long> cursors(Optional<List<StoredEvent>> events) {
        return events.orElseThrow().stream().map(StoredEvent::cursor).toList();
    }

    @Test
    void aLoginNeverStoredSinceStartMustBeReadFromTheStore() {
        assertTrue(hub.recent(alice, 0, 10).isEmpty());
    }

    @Test
    void recentEventsAreServedPerLoginFromMemory() {
        hub.stored(List.of(event(alice, 5), event(bob, 6), event(alice, 7)));
        assertEquals(List.of(7L), cursors(hub.recent(alice, 5, 10)));
        assertEquals(List.of(), cursors(hub.recent(alice, 7, 10)), "up to date: nothing, and no store read");
        assertEquals(List.of(), cursors(hub.recent(bob, 6, 10)), "alice's events are never bob's");
        assertTrue(hub.recent(bob, 5, 10).isEmpty(), "before bob's first kept event only the store knows");
    }

    @Test
    void readersBehindWhatMemoryCoversAreSentToTheStore() {
        hub.stored(List.of(event(alice, 5)));
        assertTrue(hub.recent(alice, 4, 10).isEmpty(), "events before the first one kept may exist in the store");
        hub.stored(List.of(event(alice, 8), event(alice, 9), event(alice, 10))); // evicts 5
        assertTrue(hub.recent(alice, 4, 10).isEmpty(), "5 was evicted: a reader before it goes to the store");
        assertEquals(List.of(8L, 9L, 10L), cursors(hub.recent(alice, 5, 10)), "every alice event after 5 is kept");
        assertEquals(List.of(8L, 9L, 10L), cursors(hub.recent(alice, 7, 10)));
        assertEquals(List.of(8L), cursors(hub.recent(alice, 5, 1)), "limit");
    }

    @Test
    void storingWakesOnlyThatLoginsPolls() {
        CompletableFuture<Void> a = hub.register(alice);
        CompletableFuture<Void> b = hub.register(bob);
        hub.stored(List.of(event(alice, 1)));
        assertTrue(a.isDone());
        assertTrue(!b.isDone());
    }

    @Test
    void forgettingALoginSendsItsReadersToTheStore() {
        hub.stored(List.of(event(alice, 1)));
        hub.forget(alice);
        assertTrue(hub.recent(alice, 1, 10).isEmpty());
    }
}
