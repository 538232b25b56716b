package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.IntakeLog;
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
        EventJournal journal = new EventJournal(store, IntakeLog.none(), new DeliveryHub(), MutableClock.at("2026-01-01T00:00:00Z"), 2, 10,
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

    private EventJournal started(int capacity, int maxBatch) {
        EventJournal journal = new EventJournal(store, IntakeLog.none(), new DeliveryHub(), MutableClock.at("2026-01-01T00:00:00Z"),
                capacity, maxBatch, Thread::new);
        journal.start();
        return journal;
    }

    private List<String> storedNames() {
        return store.after(agent, 0, 1000).stream().map(StoredEvent::name).toList();
    }

    private void awaitDrained(EventJournal journal) {
        Await.until(() -> journal.pending() == 0, Duration.ofSeconds(15), "journal did not drain");
    }

    /** An event PostgreSQL refuses: a NUL in its name (escaped in the JSON, so the codec let it through). */
    private CtiEvent poisoned(String name) {
        return new CtiEvent(agent, name + "\0", null, null, null, "{\"name\":\"" + name + "\\u0000\",\"login\":\"agent1\"}");
    }

    @Test
    void aRefusedEventInTheMiddleOfABatchIsQuarantinedAndEveryOtherEventIsStoredInOrder() throws Exception {
        store.setAvailable(false); // so the events queue up and are written as one batch
        EventJournal journal = started(100, 50);
        List.of("E1", "E2", "E3").forEach(n -> journal.submit(event(n)));
        journal.submit(poisoned("Bad"));
        List.of("E5", "E6", "E7").forEach(n -> journal.submit(event(n)));
        store.setAvailable(true);
        awaitDrained(journal);

        assertEquals(List.of("E1", "E2", "E3", "E5", "E6", "E7"), storedNames());
        assertEquals(1, store.quarantined().size());
        assertEquals("{\"name\":\"Bad\\u0000\",\"login\":\"agent1\"}", store.quarantined().get(0).raw());
        assertEquals(agent, store.quarantined().get(0).login());
        assertTrue(store.quarantined().get(0).reason().contains("0x00"), store.quarantined().get(0).reason());
        assertEquals(1, journal.quarantined());

        journal.submit(event("E8")); // and the journal goes on
        awaitDrained(journal);
        assertEquals("E8", storedNames().get(6));
        assertEquals(7, journal.appended());
        journal.drainAndStop(Duration.ofSeconds(5));
    }

    @Test
    void severalRefusedEventsAreEachQuarantinedOnce() throws Exception {
        store.refuseWhen(e -> e.name().startsWith("Refused"));
        store.setAvailable(false);
        EventJournal journal = started(100, 64);
        for (int i = 0; i < 40; i++) {
            journal.submit(event(i % 7 == 3 ? "Refused" + i : "E" + i));
        }
        store.setAvailable(true);
        awaitDrained(journal);

        List<String> expectedStored = java.util.stream.IntStream.range(0, 40).filter(i -> i % 7 != 3)
                .mapToObj(i -> "E" + i).toList();
        assertEquals(expectedStored, storedNames());
        assertEquals(List.of("Refused3", "Refused10", "Refused17", "Refused24", "Refused31", "Refused38"),
                store.quarantined().stream().map(q -> q.raw().replaceAll(".*\"name\":\"(\\w+)\".*", "$1")).toList());
        assertEquals(6, journal.quarantined());
        journal.drainAndStop(Duration.ofSeconds(5));
    }

    @Test
    void anOutageWhileIsolatingARefusedEventLosesNothing() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean refusedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        store.refuseWhen(e -> {
            if (e.name().equals("Trigger")) {
                store.setAvailable(false); // the database goes away right after refusing the batch
                refusedOnce.set(true);
                return true;
            }
            return false;
        });
        EventJournal journal = started(100, 50);
        List.of("E1", "Trigger", "E3").forEach(n -> journal.submit(event(n)));
        Await.until(() -> refusedOnce.get() && !journal.storeHealthy(), Duration.ofSeconds(10),
                "the outage after the refusal was not noticed");
        store.refuseWhen(e -> e.name().equals("Trigger"));
        store.setAvailable(true);
        awaitDrained(journal);

        assertEquals(List.of("E1", "E3"), storedNames());
        assertEquals(1, store.quarantined().size());
        assertTrue(journal.storeHealthy());
        journal.drainAndStop(Duration.ofSeconds(5));
    }

    @Test
    void anEventEvenTheQuarantineRefusesIsCountedAndTheJournalGoesOn() throws Exception {
        store.setQuarantineRefused(true);
        store.setAvailable(false);
        EventJournal journal = started(100, 50);
        journal.submit(event("E1"));
        journal.submit(poisoned("Bad"));
        journal.submit(event("E3"));
        store.setAvailable(true);
        awaitDrained(journal);

        assertEquals(List.of("E1", "E3"), storedNames());
        assertEquals(0, journal.quarantined());
        assertEquals(1, journal.quarantineFailures());
        journal.submit(event("E4"));
        awaitDrained(journal);
        assertEquals(List.of("E1", "E3", "E4"), storedNames());
        journal.drainAndStop(Duration.ofSeconds(5));
    }

    @Test
    void theMiddlewaresOwnEventsDoNotOvertakeCtiEventsQueuedBeforeThem() throws Exception {
        store.setAvailable(false); // a database outage: a backlog of several batches builds up
        EventJournal journal = started(100, 2);
        List.of("E1", "E2", "E3", "E4", "E5", "E6").forEach(n -> journal.submit(event(n)));
        journal.submitOwn(event("mw.PhoneUnavailable"));
        journal.submit(event("E7"));
        store.setAvailable(true);
        awaitDrained(journal);

        assertEquals(List.of("E1", "E2", "E3", "E4", "E5", "E6", "mw.PhoneUnavailable", "E7"), storedNames());
        journal.drainAndStop(Duration.ofSeconds(5));
    }

    @Test
    void shutdownWritesWhatIsQueued() throws Exception {
        EventJournal journal = new EventJournal(store, IntakeLog.none(), new DeliveryHub(), MutableClock.at("2026-01-01T00:00:00Z"), 100, 10,
                Thread::new);
        journal.start();
        for (int i = 0; i < 30; i++) {
            journal.submit(event("E" + i));
        }
        assertTrue(journal.drainAndStop(Duration.ofSeconds(10)));
        assertEquals(30, store.size());
    }
}
