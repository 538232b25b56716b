package io.ctimw.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.AgentState;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.port.out.EventRefusedException;
import io.ctimw.core.port.out.StoreUnavailableException;
import io.ctimw.core.testing.InMemoryEventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The projection in front of the store: states commit with their batch, memory follows commits only. */
class StateProjectionTest {
    private static final Login ALICE = new Login("alice");
    private static final Login BOB = new Login("bob");
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final StateProjection projection = new StateProjection(store);

    private static PendingEvent event(Login login, String name, String fields) {
        return new PendingEvent(login, name, "{\"name\":\"" + name + "\",\"login\":\"" + login + "\"" + fields + "}", T0);
    }

    private static PendingEvent newCall(Login login, int cid) {
        return event(login, "NewCall", ",\"cid\":" + cid);
    }

    @Test
    void aBatchWritesEachLoginsStateWithItAtThatLoginsLastCursor() {
        List<StoredEvent> stored = projection.append(List.of(newCall(ALICE, 1), newCall(BOB, 2), newCall(ALICE, 3)));

        assertEquals(stored.get(2).cursor(), store.state(ALICE).orElseThrow().cursor());
        assertEquals("{\"userState\":null,\"calls\":[{\"cid\":1},{\"cid\":3}],\"phone\":\"available\"}",
                store.state(ALICE).orElseThrow().json());
        assertEquals(new AgentState(stored.get(2).cursor(), null, List.of("{\"cid\":1}", "{\"cid\":3}"), true),
                projection.current(ALICE));
        assertEquals(new AgentState(stored.get(1).cursor(), null, List.of("{\"cid\":2}"), true), projection.current(BOB));
    }

    @Test
    void aLoginWithNothingIsCursorZeroAndEmpty() {
        assertEquals(new AgentState(0, null, List.of(), true), projection.current(ALICE));
    }

    @Test
    void aRefusedOrFailedAppendLeavesTheStateWhereTheStoreIs() {
        projection.append(List.of(newCall(ALICE, 1)));
        AgentState before = projection.current(ALICE);
        store.refuseWhen(e -> e.name().equals("Refused"));
        assertThrows(EventRefusedException.class,
                () -> projection.append(List.of(newCall(ALICE, 2), event(ALICE, "Refused", ""))));
        assertEquals(before, projection.current(ALICE));
        store.setAvailable(false);
        assertThrows(StoreUnavailableException.class, () -> projection.append(List.of(newCall(ALICE, 3))));
        store.setAvailable(true);
        assertEquals(before, projection.current(ALICE));

        projection.append(List.of(newCall(ALICE, 3))); // the retry of what failed, as the journal does
        assertEquals(List.of("{\"cid\":1}", "{\"cid\":3}"), projection.current(ALICE).calls());
        assertEquals(Replay.of(store.after(ALICE, 0, 100)), projection.current(ALICE));
    }

    @Test
    void afterARestartTheRowIsReadAndTheNextEventsContinueIt() {
        projection.append(List.of(newCall(ALICE, 1), event(ALICE, "mw.PhoneUnavailable", "")));
        StateProjection restarted = new StateProjection(store);

        assertEquals(projection.current(ALICE), restarted.current(ALICE));
        restarted.append(List.of(newCall(ALICE, 2)));
        assertEquals(List.of("{\"cid\":1}", "{\"cid\":2}"), restarted.current(ALICE).calls());
        assertEquals(false, restarted.current(ALICE).phoneAvailable());
        assertEquals(Replay.of(store.after(ALICE, 0, 100)), restarted.current(ALICE));
    }

    @Test
    void eventsStoredBeforeThereWereRowsAreReplayedOnce() {
        store.append(List.of(newCall(ALICE, 1), newCall(ALICE, 2), event(ALICE, "OnClose", ",\"cid\":1")));
        assertTrue(store.state(ALICE).isEmpty());

        assertEquals(List.of("{\"cid\":2}"), projection.current(ALICE).calls(), "read by replay");
        projection.append(List.of(newCall(ALICE, 3)));
        assertEquals("{\"userState\":null,\"calls\":[{\"cid\":2},{\"cid\":3}],\"phone\":\"available\"}",
                store.state(ALICE).orElseThrow().json(), "the first row includes the older events");
    }

    @Test
    void anUnreadableRowIsReplacedByTheReplayOfTheEvents() {
        store.append(List.of(newCall(ALICE, 1)), Map.of(ALICE, "{\"calls\":\"garbled\"}"));

        assertEquals(List.of("{\"cid\":1}"), new StateProjection(store).current(ALICE).calls());
    }

    @Test
    void aReadRacingTheWriterNeverLeavesAnOlderStateInMemory() throws Exception {
        store.append(List.of(newCall(ALICE, 0))); // no row: every load replays, the slowest path
        for (int round = 1; round <= 50; round++) {
            StateProjection fresh = new StateProjection(store);
            java.util.concurrent.CompletableFuture<AgentState> read =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> fresh.current(ALICE));
            fresh.append(List.of(newCall(ALICE, round)));
            read.get();
            assertEquals(Replay.of(store.after(ALICE, 0, 1000)), fresh.current(ALICE), "round " + round);
        }
    }

    @Test
    void theProjectionWritesTheStatesItselfAndRefusesOthers() {
        assertThrows(IllegalArgumentException.class, () -> projection.append(List.of(newCall(ALICE, 1)), Map.of(ALICE, "{}")));
    }
}
