package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.User;
import io.ctimw.core.port.out.StoreUnavailableException;
import io.ctimw.core.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away and comes back: stores report {@link StoreUnavailableException} meanwhile
 * and then work again through the very same objects (the pool reconnects; nothing is rebuilt).
 * Uses a server of its own, never the shared one.
 */
class StoreOutageTest {
    private static final Login ALICE = new Login("alice");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dataDir;

    private EmbeddedDatabase server;
    private PostgresDatabase database;

    @AfterEach
    void stopEverything() {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static boolean pings(JdbiEventStore events) {
        try {
            events.ping();
            return true;
        } catch (StoreUnavailableException stillDown) {
            return false;
        }
    }

    @Test
    void storesFailWithStoreUnavailableWhileTheServerIsDownAndRecoverAfterwards() {
        server = EmbeddedDatabase.start(dataDir, 0);
        int port = server.port();
        database = PostgresDatabase.start(new PostgresSettings(server.jdbcUrl(), server.user(), server.password(),
                2, Duration.ofMillis(500)));
        JdbiEventStore events = new JdbiEventStore(database.jdbi());
        JdbiUserStore users = new JdbiUserStore(database.jdbi());
        JdbiSessionStore sessions = new JdbiSessionStore(database.jdbi());
        events.append(List.of(new PendingEvent(ALICE, "Before", "{}", T0)));
        users.add(new User(ALICE, "hash", true, T0));

        server.close();
        server = null;

        assertThrows(StoreUnavailableException.class, events::ping);
        assertThrows(StoreUnavailableException.class,
                () -> events.append(List.of(new PendingEvent(ALICE, "During", "{}", T0))));
        assertThrows(StoreUnavailableException.class, () -> events.after(ALICE, 0, 10));
        assertThrows(StoreUnavailableException.class, () -> users.find(ALICE));
        assertThrows(StoreUnavailableException.class, () -> sessions.deleteAllOf(ALICE));

        server = EmbeddedDatabase.start(dataDir, port);

        // The pool retries with a backoff, so give it a moment; the stores themselves are not rebuilt.
        Await.until(() -> pings(events), Duration.ofSeconds(15), "event store never reconnected");
        events.append(List.of(new PendingEvent(ALICE, "After", "{}", T0.plusSeconds(1))));
        assertEquals(List.of("Before", "After"),
                events.after(ALICE, 0, 10).stream().map(e -> e.name()).toList());
        assertEquals(true, users.find(ALICE).orElseThrow().enabled());
    }
}
