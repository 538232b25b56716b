package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.testing.RefusingPort;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Startup (fail fast, migrations) and the schema details the stores rely on. */
class PostgresDatabaseTest {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void anUnreachableServerFailsStartWithOneReadableMessage() throws IOException {
        PostgresStartupException e;
        try (RefusingPort closed = new RefusingPort()) {
            String url = "jdbc:postgresql://127.0.0.1:" + closed.port() + "/cti?password=secret";
            e = assertThrows(PostgresStartupException.class,
                    () -> PostgresDatabase.start(new PostgresSettings(url, "cti", "secret", 2)));
        }

        String expectedStart = "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:";
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().endsWith("connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the message must not show a password: " + e.getMessage());
    }

    @Test
    void aWrongDatabaseNameIsReportedAsAConnectionFailure() {
        String url = db.jdbcUrl().replace(db.name(), "no_such_database");
        PostgresStartupException e = assertThrows(PostgresStartupException.class,
                () -> PostgresDatabase.start(new PostgresSettings(url, db.user(), db.password(), 1)));
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at "), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_database"), e.getMessage());
    }

    @Test
    void startingTwiceOnTheSameDatabaseKeepsTheSchemaAndData() {
        db.database().jdbi().useHandle(h -> h.execute(
                "insert into users (login, password_hash, enabled, created_at) values ('kept', 'h', true, now()) on conflict do nothing"));
        try (PostgresDatabase again = PostgresDatabase.start(db.settings(1))) {
            int kept = again.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from users where login = 'kept'").mapTo(Integer.class).one());
            int migrations = again.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from flyway_schema_history where success").mapTo(Integer.class).one());
            assertEquals(1, kept);
            assertEquals(KnownMigrations.count(), migrations);
        }
    }

    @Test
    void theEventPayloadIsJsonNotJsonb() {
        String type = db.jdbi().withHandle(h -> h.createQuery(
                "select data_type from information_schema.columns where table_name = 'events' and column_name = 'payload'")
                .mapTo(String.class).one());
        assertEquals("json", type);
    }

    @Test
    void readingAfterACursorUsesTheLoginCursorIndex() {
        List<String> plan = db.jdbi().inTransaction(h -> {
            h.execute("set local enable_seqscan = off"); // tiny tables would otherwise be scanned, hiding the index
            return h.createQuery("explain select * from events where login = 'a' and cursor > 5 order by cursor limit 10")
                    .mapTo(String.class).list();
        });
        assertTrue(String.join("\n", plan).contains("events_login_cursor"), String.join("\n", plan));
        assertFalse(String.join("\n", plan).contains("Sort"), "no sort expected:\n" + String.join("\n", plan));
    }
}
