package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.StoredEvent;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
    void eachServerGetsAFreePortAndIsDurableUnlessATestTurnsFsyncOff() throws Exception {
        try (EmbeddedDatabase durable = EmbeddedDatabase.start(dataDir.resolve("a"), 0);
             EmbeddedDatabase fast = EmbeddedDatabase.start(dataDir.resolve("b"), 0, false)) {
            assertNotEquals(durable.port(), fast.port());
            assertTrue(durable.jdbcUrl().contains(":" + durable.port() + "/"), durable.jdbcUrl());
            assertEquals("on", show(durable, "fsync"), "the library's -F must not win");
            assertEquals("off", show(fast, "fsync"));
        }
    }

    static String show(EmbeddedDatabase server, String setting) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
