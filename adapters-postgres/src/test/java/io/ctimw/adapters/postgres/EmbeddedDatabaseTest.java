package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its data directory: a restart finds the same rows. */
class EmbeddedDatabaseTest {
    private static final Login ALICE = new Login("alice");

    @TempDir
    Path dataDir;

    @Test
    void eventsSurviveARestartOnTheSameDataDirectory() {
        List<StoredEvent> written;
        int firstPort;
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0);
             PostgresDatabase database = PostgresDatabase.start(server.settings(1))) {
            firstPort = server.port();
            assertTrue(firstPort > 0);
            written = new JdbiEventStore(database.jdbi()).append(List.of(
                    new PendingEvent(ALICE, "UserState", "{\"state\":\"ready\"}", Instant.parse("2026-03-01T08:00:00Z")),
                    new PendingEvent(ALICE, "Calls", "{\"calls\":[]}", Instant.parse("2026-03-01T08:00:01Z"))));
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "the cluster must live in the given directory");

        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0);
             PostgresDatabase database = PostgresDatabase.start(server.settings(1))) {
            JdbiEventStore events = new JdbiEventStore(database.jdbi());
            assertEquals(written, events.after(ALICE, 0, 10));
            StoredEvent next = events.append(List.of(
                    new PendingEvent(ALICE, "Later", "{}", Instant.parse("2026-03-01T09:00:00Z")))).get(0);
            assertTrue(next.cursor() > written.get(1).cursor(), "cursors continue after a restart");
        }
    }

    @Test
    void portZeroPicksAFreePortEachTime() {
        try (EmbeddedDatabase a = EmbeddedDatabase.start(dataDir.resolve("a"), 0);
             EmbeddedDatabase b = EmbeddedDatabase.start(dataDir.resolve("b"), 0)) {
            assertNotEquals(a.port(), b.port());
            assertTrue(a.jdbcUrl().contains(":" + a.port() + "/"), a.jdbcUrl());
        }
    }
}
