package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.InMemoryEventStore;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventJournalTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Login agent = new Login("agent1");

    private CtiEvent event(String name) {
        return new CtiEvent(agent, name, null, null, null, "{\"name\":\"" + name + "\",\"login\":\"agent1\"}");
    }

    @Test
    void theMiddlewaresOwnEventsNeverWaitForAFullBufferAndKeepTheirPlaceInLine() throws Exception {
        EventJournal journal = new EventJournal(store, new DeliveryHub(), MutableClock.at("2026-01-01T00:00:00Z"), 2, 10,
                Thread::new);
        store.setAvailable(false);
        journal.start();
        journal.submit(event("First"));
        journal.submit(event("Second"));
        journal.submit(event("Third")); // the writer holds at most one batch; the buffer is now full
        CompletableFuture<Void> own = CompletableFuture.runAsync(() -> journal.submitOwn(event("mw.PhoneUnavailable")));
        own.get(2, TimeUnit.SECONDS); // would hang if the own lane shared the bounded buffer
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> journal.submit(event("Fourth")));
        store.setAvailable(true);
        blocked.get(10, TimeUnit.SECONDS);
        Await.until(() -> journal.pending() == 0, Duration.ofSeconds(10), "journal did not drain");
        List<String> names = store.after(agent, 0, 100).stream().map(StoredEvent::name).toList();
        assertEquals(5, names.size(), names.toString());
        assertTrue(names.indexOf("Third") < names.indexOf("mw.PhoneUnavailable"), names.toString());
        assertTrue(names.indexOf("mw.PhoneUnavailable") < names.indexOf("Fourth"), names.toString());
        journal.drainAndStop(Duration.ofSeconds(5));
    }

    @Test
    void shutdownWritesWhatIsQueued() throws Exception {
        EventJournal journal = new EventJournal(store, new DeliveryHub(), MutableClock.at("2026-01-01T00:00:00Z"), 100, 10,
                Thread::new);
        journal.start();
        for (int i = 0; i < 30; i++) {
            journal.submit(event("E" + i));
        }
        assertTrue(journal.drainAndStop(Duration.ofSeconds(10)));
        assertEquals(30, store.size());
    }
}
