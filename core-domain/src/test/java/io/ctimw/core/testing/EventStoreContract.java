package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.StoredState;
import io.ctimw.core.port.out.EventRefusedException;
import io.ctimw.core.port.out.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventStore} must do; extend it with a factory for the implementation under test. */
public abstract class EventStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.000001Z");
    private static final Login ALICE = new Login("alice");
    private static final Login BOB = new Login("bob");

    private EventStore store;

    /** A fresh store with no events in it. */
    protected abstract EventStore newEmptyStore();

    /** What the store under test holds in its quarantine, oldest first, read behind the port's back. */
    protected abstract List<QuarantineRow> quarantinedRows();

    @BeforeEach
    void createStore() {
        store = newEmptyStore();
    }

    private static PendingEvent event(Login login, String name, int second) {
        return new PendingEvent(login, name, "{\"name\":\"" + name + "\",\"n\":" + second + "}", T0.plusSeconds(second));
    }

    private static List<Long> cursors(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::cursor).toList();
    }

    private static List<String> names(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::name).toList();
    }

    @Test
    void anEmptyStoreHasNothingAndLatestCursorZero() {
        assertEquals(0, store.latestCursor(ALICE));
        assertEquals(List.of(), store.after(ALICE, 0, 100));
        assertEquals(List.of(), store.append(List.of()));
    }

    @Test
    void appendReturnsTheEventsInListOrderWithIncreasingCursors() {
        List<PendingEvent> batch = List.of(event(ALICE, "A1", 1), event(BOB, "B1", 2), event(ALICE, "A2", 3));
        List<StoredEvent> stored = store.append(batch);

        assertEquals(3, stored.size());
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent in = batch.get(i);
            StoredEvent out = stored.get(i);
            assertEquals(List.of(in.login(), in.name(), in.json(), in.receivedAt()),
                    List.of(out.login(), out.name(), out.json(), out.receivedAt()));
        }
        assertTrue(stored.get(0).cursor() < stored.get(1).cursor());
        assertTrue(stored.get(1).cursor() < stored.get(2).cursor());
    }

    @Test
    void cursorsKeepIncreasingAcrossBatches() {
        long previous = 0;
        for (int round = 0; round < 5; round++) {
            List<StoredEvent> stored = store.append(List.of(event(ALICE, "E" + round, round)));
            assertTrue(stored.get(0).cursor() > previous, "cursor must increase");
            previous = stored.get(0).cursor();
        }
        assertEquals(previous, store.latestCursor(ALICE));
    }

    @Test
    void afterReturnsOnlyTheLoginsOwnEventsOldestFirst() {
        List<StoredEvent> stored = store.append(List.of(
                event(ALICE, "A1", 1), event(BOB, "B1", 2), event(ALICE, "A2", 3), event(BOB, "B2", 4)));
        store.append(List.of(event(ALICE, "A3", 5)));

        List<StoredEvent> alice = store.after(ALICE, 0, 100);
        assertEquals(List.of("A1", "A2", "A3"), names(alice));
        assertEquals(stored.get(0), alice.get(0));
        assertEquals(List.of("B1", "B2"), names(store.after(BOB, 0, 100)));
        assertEquals(List.of(), store.after(new Login("carol"), 0, 100));
    }

    @Test
    void afterStartsStrictlyAfterTheGivenCursor() {
        List<StoredEvent> stored = store.append(List.of(event(ALICE, "A1", 1), event(ALICE, "A2", 2),
                event(ALICE, "A3", 3)));
        assertEquals(List.of("A2", "A3"), names(store.after(ALICE, stored.get(0).cursor(), 100)));
        assertEquals(List.of(), store.after(ALICE, stored.get(2).cursor(), 100));
    }

    @Test
    void afterHonoursTheLimitAndPagesCoverEverythingOnce() {
        List<PendingEvent> batch = IntStream.range(0, 25).mapToObj(i -> event(ALICE, "E" + i, i)).toList();
        List<StoredEvent> stored = store.append(batch);
        store.append(List.of(event(BOB, "noise", 99)));

        List<StoredEvent> seen = new ArrayList<>();
        long from = 0;
        while (true) {
            List<StoredEvent> page = store.after(ALICE, from, 10);
            assertTrue(page.size() <= 10, "page larger than the limit");
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            from = page.get(page.size() - 1).cursor();
        }
        assertEquals(stored, seen);
        assertEquals(1, store.after(ALICE, 0, 1).size());
    }

    @Test
    void latestCursorIsPerLogin() {
        List<StoredEvent> stored = store.append(List.of(event(ALICE, "A1", 1), event(BOB, "B1", 2),
                event(ALICE, "A2", 3), event(BOB, "B2", 4)));
        assertEquals(stored.get(2).cursor(), store.latestCursor(ALICE));
        assertEquals(stored.get(3).cursor(), store.latestCursor(BOB));
        assertEquals(0, store.latestCursor(new Login("carol")));
    }

    @Test
    void theJsonTextIsKeptVerbatim() {
        // Key order, whitespace, duplicate keys and escapes must survive: agents get the CTI's own text.
        String json = "{ \"z\" : 1,\"a\":[1, 2.50, true],\n\"z\":\"dup\",\"u\":\"\\u00e9 é \\\"q\\\"\" }";
        store.append(List.of(new PendingEvent(ALICE, "Odd", json, T0)));
        assertEquals(json, store.after(ALICE, 0, 1).get(0).json());
    }

    @Test
    void deleteReceivedBeforeRemovesOnlyOlderEvents() {
        List<StoredEvent> stored = store.append(List.of(event(ALICE, "old", 1), event(BOB, "old", 2),
                event(ALICE, "cutoff", 10), event(BOB, "new", 11)));
        Instant cutoff = T0.plusSeconds(10);

        assertEquals(2, store.deleteReceivedBefore(cutoff));
        assertEquals(List.of(stored.get(2)), store.after(ALICE, 0, 100));
        assertEquals(List.of(stored.get(3)), store.after(BOB, 0, 100));
        assertEquals(0, store.deleteReceivedBefore(cutoff));
    }

    @Test
    void cursorsAreNeverReusedAfterDeletion() {
        List<StoredEvent> first = store.append(List.of(event(ALICE, "A1", 1), event(ALICE, "A2", 2)));
        store.deleteReceivedBefore(T0.plus(Duration.ofDays(1)));
        List<StoredEvent> next = store.append(List.of(event(ALICE, "A3", 3)));
        assertTrue(next.get(0).cursor() > first.get(1).cursor());
        assertEquals(List.of("A3"), names(store.after(ALICE, 0, 100)));
    }

    @Test
    void concurrentAppendsGetDistinctCursorsInBatchOrder() throws Exception {
        int writers = 4;
        int batches = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<List<StoredEvent>>> jobs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Login login = new Login("agent" + w);
                jobs.add(() -> {
                    List<StoredEvent> mine = new ArrayList<>();
                    for (int b = 0; b < batches; b++) {
                        mine.addAll(store.append(List.of(event(login, "x" + b, b), event(login, "y" + b, b))));
                    }
                    return mine;
                });
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<StoredEvent>> f : pool.invokeAll(jobs)) {
                List<StoredEvent> mine = f.get();
                List<Long> own = cursors(mine);
                assertEquals(own.stream().sorted().toList(), own, "a writer's cursors must increase");
                all.addAll(own);
                assertEquals(mine, store.after(mine.get(0).login(), 0, 1000));
            }
            assertEquals(writers * batches * 2, all.size(), "cursors must be distinct");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchHoldingAnEventTheDatabaseRefusesIsRefusedWholeAndNothingOfItIsStored() {
        // A NUL in the name: the JSON escapes it (valid JSON), the text column cannot hold it.
        PendingEvent bad = new PendingEvent(ALICE, "Bad\0Name", "{\"name\":\"Bad\\u0000Name\"}", T0.plusSeconds(2));
        List<PendingEvent> batch = List.of(event(ALICE, "A1", 1), bad, event(ALICE, "A3", 3));

        EventRefusedException refused = assertThrows(EventRefusedException.class, () -> store.append(batch));

        assertFalse(refused.getMessage().isBlank(), "the database's reason must be kept");
        assertFalse(refused.getMessage().indexOf('\0') >= 0, "the reason must be safe to log");
        assertEquals(List.of(), store.after(ALICE, 0, 100));
        assertEquals(List.of("A1", "A3"), names(store.append(List.of(batch.get(0), batch.get(2)))));
    }

    @Test
    void aRefusedEventIsQuarantinedVerbatimWithItsLoginReceiveTimeAndReason() {
        String frame = "{\"name\":\"Bad\\u0000\",\"raw\":\"\0\",\"u\":\"é ж 😀\"}";
        PendingEvent bad = new PendingEvent(ALICE, "Bad\0", frame, T0.plusSeconds(7));

        store.quarantine(bad, "22021: invalid byte sequence for encoding \"UTF8\": 0x00");
        store.quarantine(new PendingEvent(BOB, "Other", "{}", T0.plusSeconds(8)), "second");

        assertEquals(List.of(
                new QuarantineRow(ALICE, frame, T0.plusSeconds(7), "22021: invalid byte sequence for encoding \"UTF8\": 0x00"),
                new QuarantineRow(BOB, "{}", T0.plusSeconds(8), "second")), quarantinedRows());
        assertEquals(List.of(), store.after(ALICE, 0, 100), "a quarantined event is never served");
        assertEquals(0, store.latestCursor(ALICE));
    }

    @Test
    void theIntakeWatermarkIsTheHighestSequenceCommittedAndIsNeverLowered() {
        assertEquals(0, store.intakeWatermark(), "a fresh store has handled no logged event");
        store.append(List.of(event(ALICE, "A1", 1).withIntakeSeq(7), event(BOB, "B1", 2).withIntakeSeq(9)));
        assertEquals(9, store.intakeWatermark());
        store.append(List.of(event(ALICE, "unlogged", 3)));
        store.append(List.of(event(ALICE, "older", 4).withIntakeSeq(3)));
        assertEquals(9, store.intakeWatermark(), "neither an unlogged event nor a lower sequence lowers it");
    }

    @Test
    void aRefusedBatchLeavesTheWatermarkAndAQuarantinedEventCountsAsHandled() {
        store.append(List.of(event(ALICE, "A1", 1).withIntakeSeq(4)));
        PendingEvent bad = new PendingEvent(ALICE, "Bad\0", "{}", T0.plusSeconds(2), 5);
        assertThrows(EventRefusedException.class, () -> store.append(List.of(bad, event(ALICE, "A3", 3).withIntakeSeq(6))));
        assertEquals(4, store.intakeWatermark(), "nothing of a refused batch was committed");

        store.quarantine(bad, "refused");

        assertEquals(5, store.intakeWatermark());
    }

    @Test
    void aStateRowCommitsWithItsBatchAtItsLoginsLastCursor() {
        assertTrue(store.state(ALICE).isEmpty());
        List<StoredEvent> stored = store.append(List.of(event(ALICE, "A", 1), event(BOB, "B", 2), event(ALICE, "C", 3)),
                java.util.Map.of(ALICE, "{\"calls\":[1]}", BOB, "{\"calls\":[]}"));
        assertEquals(new StoredState(stored.get(2).cursor(), "{\"calls\":[1]}"), store.state(ALICE).orElseThrow());
        assertEquals(stored.get(1).cursor(), store.state(BOB).orElseThrow().cursor());
        List<StoredEvent> next = store.append(List.of(event(ALICE, "D", 4)), java.util.Map.of(ALICE, "{\"x\":2}"));
        assertEquals(new StoredState(next.get(0).cursor(), "{\"x\":2}"), store.state(ALICE).orElseThrow());
        assertEquals(stored.get(1).cursor(), store.state(BOB).orElseThrow().cursor(), "untouched by others' batches");
    }

    @Test
    void aRefusedBatchWritesNoStateRow() {
        PendingEvent bad = new PendingEvent(ALICE, "Bad\0Name", "{\"name\":\"Bad\\u0000Name\"}", T0);
        assertThrows(EventRefusedException.class,
                () -> store.append(List.of(event(ALICE, "A", 1), bad), java.util.Map.of(ALICE, "{}")));
        assertTrue(store.state(ALICE).isEmpty());
        assertEquals(0, store.latestCursor(ALICE));
    }

    @Test
    void aStateRowGoesWithItsLoginsLastEventPastRetention() {
        store.append(List.of(event(ALICE, "A", 1)), java.util.Map.of(ALICE, "{}"));
        store.append(List.of(event(BOB, "B", 10)), java.util.Map.of(BOB, "{}"));
        store.deleteReceivedBefore(T0.plusSeconds(5));
        assertTrue(store.state(ALICE).isEmpty(), "alice's last event is gone, so is her state");
        assertTrue(store.state(BOB).isPresent());
    }

    @Test
    void pingSucceedsWhenTheStoreIsUp() {
        assertDoesNotThrow(store::ping);
    }
}
