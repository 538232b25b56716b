package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.testing.Await;
import io.ctimw.core.testing.InMemoryEventStore;
import io.ctimw.core.testing.InMemoryIntakeLog;
import io.ctimw.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The journal and the intake log: what a killed process had received is stored by the next one, once. */
class IntakeRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryIntakeLog log = new InMemoryIntakeLog();
    private final Login agent = new Login("agent1");
    private final MutableClock clock = MutableClock.at(T0.toString());

    private EventJournal journal(InMemoryIntakeLog intake) {
        return new EventJournal(store, intake, new DeliveryHub(), clock, 100, 2, Thread::new);
    }

    private CtiEvent event(String name) {
        return new CtiEvent(agent, name, null, null, null, "{\"name\":\"" + name + "\",\"login\":\"agent1\"}");
    }

    private List<StoredEvent> stored() {
        return store.after(agent, 0, 1000);
    }

    private static List<String> names(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::name).toList();
    }

    @Test
    void everyEventOfBothLanesIsLoggedAndReleasedOnceStored() throws Exception {
        EventJournal journal = journal(log);
        journal.start();
        journal.submit(event("A"));
        journal.submitOwn(event("mw.PhoneUnavailable"));
        journal.submit(event("B"));
        Await.until(() -> journal.pending() == 0 && log.retained() == 0, Duration.ofSeconds(10),
                "the log was not told what is stored");
        journal.drainAndStop(Duration.ofSeconds(5));

        assertEquals(List.of("A", "mw.PhoneUnavailable", "B"), names(stored()));
        assertEquals(3, store.intakeWatermark(), "each event carried its intake sequence into the store");
        assertEquals(0, journal.unlogged());
    }

    @Test
    void recoveryStoresExactlyTheUnstoredEventsInOrderWithTheirReceiveTimeBeforeNewOnes() throws Exception {
        EventJournal killed = journal(log); // its writer never runs: the process dies with all five queued
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            killed.submit(event("E" + i));
        }
        clock.advance(Duration.ofHours(1));

        EventJournal next = journal(log.afterCrash());
        assertEquals(5, next.recover(0));
        next.submit(event("after-restart"));
        next.start();
        Await.until(() -> next.pending() == 0, Duration.ofSeconds(10), "recovered events were not stored");
        next.drainAndStop(Duration.ofSeconds(5));

        assertEquals(List.of("E1", "E2", "E3", "E4", "E5", "after-restart"), names(stored()));
        assertEquals(IntStream.rangeClosed(1, 5).mapToObj(T0::plusSeconds).toList(),
                stored().subList(0, 5).stream().map(StoredEvent::receivedAt).toList(), "original receive times");
    }

    @Test
    void nothingIsStoredTwiceWhenTheCrashFellBetweenTheCommitAndTheLogsRelease() throws Exception {
        List<PendingEvent> logged = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> new PendingEvent(agent, "E" + n, "{}", T0.plusSeconds(n))).toList();
        List<PendingEvent> sequenced = logged.stream().map(e -> e.withIntakeSeq(log.append(e))).toList();
        store.append(sequenced.subList(0, 3)); // committed; the process died before storedThrough

        EventJournal next = journal(log.afterCrash());
        assertEquals(2, next.recover(store.intakeWatermark()));
        next.start();
        Await.until(() -> next.pending() == 0, Duration.ofSeconds(10), "recovered events were not stored");
        next.drainAndStop(Duration.ofSeconds(5));

        assertEquals(List.of("E1", "E2", "E3", "E4", "E5"), names(stored()));
    }

    @Test
    void aFullDiskCostsOnlyTheCrashSafetyOfTheEventsItCouldNotTake() throws Exception {
        log.setFull(true);
        EventJournal journal = journal(log);
        journal.start();
        journal.submit(event("A"));
        journal.submit(event("B"));
        Await.until(() -> journal.pending() == 0, Duration.ofSeconds(10), "events were not stored");
        journal.drainAndStop(Duration.ofSeconds(5));

        assertEquals(List.of("A", "B"), names(stored()));
        assertEquals(2, journal.unlogged());
    }
}
