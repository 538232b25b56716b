package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ctimw.core.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed embedded server comes back by itself, on the same port, with its committed rows. */
class EmbeddedSupervisorTest {
    @TempDir
    Path dataDir;

    @Test
    void aKilledServerIsRestartedWithItsData() throws Exception {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, 0, false);
             EmbeddedSupervisor supervisor = new EmbeddedSupervisor(server, Duration.ofMillis(200), Duration.ofSeconds(2))) {
            supervisor.start(Duration.ofMillis(100));
            try (Connection c = connect(server)) {
                c.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before the kill')");
            }
            long killed = server.pid().orElseThrow();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // SIGKILL, as kill -9

            Await.until(() -> kept(server) != null, Duration.ofSeconds(60), "the server did not come back");
            assertEquals("before the kill", kept(server));
            assertNotEquals(killed, server.pid().orElseThrow(), "a new server process serves");
        }
    }

    private static Connection connect(EmbeddedDatabase server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private static String kept(EmbeddedDatabase server) {
        try (Connection c = connect(server); ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
