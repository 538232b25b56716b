package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/** The fakes' outage switch, which core tests use to exercise the 503 / retry paths. */
class InMemoryStoreOutageTest {
    private final Login alice = new Login("alice");

    @Test
    void switchedOffStoresThrowStoreUnavailableUntilSwitchedBackOn() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryUserStore users = new InMemoryUserStore();
        InMemorySessionStore sessions = new InMemorySessionStore();
        events.setAvailable(false);
        users.setAvailable(false);
        sessions.setAvailable(false);

        assertThrows(StoreUnavailableException.class, events::ping);
        assertThrows(StoreUnavailableException.class, () -> users.find(alice));
        assertThrows(StoreUnavailableException.class, () -> sessions.deleteAllOf(alice));

        events.setAvailable(true);
        users.setAvailable(true);
        sessions.setAvailable(true);
        assertEquals(0, events.latestCursor(alice));
        assertEquals(0, users.all().size());
        assertEquals(0, sessions.deleteAllOf(alice).size());
    }
}
