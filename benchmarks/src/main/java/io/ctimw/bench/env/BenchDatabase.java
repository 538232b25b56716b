package io.ctimw.bench.env;

import io.ctimw.adapters.postgres.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The run's PostgreSQL: the middleware's own embedded server, started by the driver so the driver
 * can seed users and write the storage baseline to the very same server.
 */
public final class BenchDatabase implements AutoCloseable {
    private final EmbeddedDatabase server;

    private BenchDatabase(EmbeddedDatabase server) {
        this.server = server;
    }

    public static BenchDatabase start(Path dataDir) {
        return new BenchDatabase(EmbeddedDatabase.start(dataDir, 0));
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "&reWriteBatchedInserts=true", user(), password());
    }

    /** Adds users with one bcrypt hash of the shared password (cost 4: each check costs ~1 ms). */
    public void seedUsers(List<String> logins, String password) throws SQLException {
        try (Connection c = connect()) {
            insertUsers(c, logins, BCrypt.hashpw(password, BCrypt.gensalt(4)));
        }
    }

    /** Inserts enabled users sharing one bcrypt hash into the middleware's {@code users} table, in one batch. */
    public static void insertUsers(Connection c, List<String> logins, String hash) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into users (login, password_hash, enabled, created_at) values (?, ?, true, ?)"
                        + " on conflict (login) do nothing")) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (String login : logins) {
                insert.setString(1, login);
                insert.setString(2, hash);
                insert.setTimestamp(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /** The newest event cursor (the identity sequence only grows, so deltas count inserted rows). */
    public long maxCursor() throws SQLException {
        return scalar("select coalesce(max(cursor), 0) from events");
    }

    public long scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user(), password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One stored load event's JSON, to insert "the same rows" in the baseline. */
    public String sampleLoadPayload() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user(), password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select payload::text from events where name = 'CallStatus' order by cursor desc limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no CallStatus event stored yet");
            }
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
