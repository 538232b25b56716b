package io.ctimw.adapters.postgres.testing;

import io.ctimw.adapters.postgres.PostgresDatabase;
import io.ctimw.adapters.postgres.PostgresSettings;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, empty PostgreSQL database of its own (CREATE DATABASE test_...), so test classes never see
 * each other's rows. Lives on the shared {@link TestServer}: one embedded server per JVM, or the
 * server named by {@code CTI_TEST_JDBC_URL}. Typical use, once per test class:
 * <pre>{@code
 * static TestDatabase db;
 * @BeforeAll static void createDatabase() { db = TestDatabase.create(); }
 * @AfterAll static void dropDatabase() { db.close(); }
 * ... new JdbiEventStore(db.jdbi()) ...   // or db.settings(4) for the app's own wiring
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestServer server;
    private final String name;
    private PostgresDatabase database;

    private TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates an empty database (no tables yet: {@link #database()} or the app's start migrates it). */
    public static TestDatabase create() {
        TestServer server = TestServer.get();
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        String name = "test_" + HexFormat.of().formatHex(id);
        admin(server, "create database " + name);
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.urlFor(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public PostgresSettings settings(int poolSize) {
        return new PostgresSettings(jdbcUrl(), user(), password(), poolSize);
    }

    /** A migrated {@link PostgresDatabase} on this database, started on first call and closed by {@link #close()}. */
    public synchronized PostgresDatabase database() {
        if (database == null) {
            database = PostgresDatabase.start(settings(4));
        }
        return database;
    }

    public Jdbi jdbi() {
        return database().jdbi();
    }

    /** The versions of the migrations this build ships ({@code db/migration/V<n>__*.sql} on the classpath). */
    public static java.util.List<Integer> shippedMigrations() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of(TestDatabase.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every table (and restarts the event cursors), for a clean slate between test methods. */
    public void truncate() {
        jdbi().useHandle(h -> h.execute("truncate users, sessions, events, event_quarantine, agent_state, request_log,"
                + " request_counts, request_counts_daily, request_counts_daily_login, request_counts_all restart identity;"
                + " update intake_watermark set seq = 0"));
    }

    /** Closes the pool and drops the database. */
    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
        admin(server, "drop database if exists " + name + " with (force)");
    }

    private static void admin(TestServer server, String sql) {
        try (Connection c = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed (" + sql + ") on " + server.adminUrl(), e);
        }
    }
}
