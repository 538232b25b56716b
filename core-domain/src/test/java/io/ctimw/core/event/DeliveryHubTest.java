package io.ctimw.core.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.auth.Login;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryHubTest {
    private final DeliveryHub hub = new DeliveryHub();
    private final Login alice = new Login("alice");

    @Test
    void aLoginWithNothingStoredSinceStartIsNeverUpToDate() {
        // Unknown means "ask the store": events from before a restart may be there.
        assertFalse(hub.upToDate(alice, 0));
        assertFalse(hub.upToDate(alice, Long.MAX_VALUE));
    }

    @Test
    void upToDateOnlyAtOrPastTheNewestStoredCursor() {
        hub.stored(alice, 7);
        assertFalse(hub.upToDate(alice, 6));
        assertTrue(hub.upToDate(alice, 7));
        assertTrue(hub.upToDate(alice, 9));
        assertFalse(hub.upToDate(new Login("bob"), 7));
    }

    @Test
    void theNewestCursorNeverMovesBack() {
        hub.stored(alice, 9);
        hub.stored(alice, 8);
        assertFalse(hub.upToDate(alice, 8));
    }

    @Test
    void storedWakesTheLoginsPolls() {
        CompletableFuture<Void> waiter = hub.register(alice);
        hub.stored(alice, 1);
        assertTrue(waiter.isDone());
    }
}
