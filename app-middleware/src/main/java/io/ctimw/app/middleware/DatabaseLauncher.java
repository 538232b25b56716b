package io.ctimw.app.middleware;

import io.ctimw.adapters.postgres.EmbeddedDatabase;
import io.ctimw.adapters.postgres.EmbeddedSupervisor;
import io.ctimw.adapters.postgres.PostgresDatabase;
import io.ctimw.adapters.postgres.PostgresSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured PostgreSQL, or the embedded one. When the embedded server of the same data
 * folder already runs (the service is up and an operator runs a user command), it connects to that
 * server instead of starting a second one on the same folder. An embedded server it started is
 * watched and restarted if its process dies.
 */
final class DatabaseLauncher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLauncher.class);

    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final EmbeddedDatabase embedded;
    private final EmbeddedSupervisor supervisor;
    private final PostgresDatabase database;

    private DatabaseLauncher(EmbeddedDatabase embedded, PostgresDatabase database) {
        this.embedded = embedded;
        this.database = database;
        this.supervisor = embedded == null ? null
                : new EmbeddedSupervisor(embedded, MIN_BACKOFF, MAX_BACKOFF).start(CHECK_EVERY);
    }

    static DatabaseLauncher open(MiddlewareSettings.Db db) {
        if (!db.embedded()) {
            return new DatabaseLauncher(null, PostgresDatabase.start(
                    new PostgresSettings(db.url(), db.user(), db.password(), db.poolSize())));
        }
        Optional<Integer> running = runningEmbeddedPort(db.embeddedDir());
        if (running.isPresent()) {
            LOG.info("using the embedded PostgreSQL already running on port {} for {}", running.get(), db.embeddedDir());
            return new DatabaseLauncher(null, PostgresDatabase.start(new PostgresSettings(
                    "jdbc:postgresql://127.0.0.1:" + running.get() + "/postgres", "postgres", "", db.poolSize())));
        }
        EmbeddedDatabase started = EmbeddedDatabase.start(db.embeddedDir(), db.embeddedPort(), db.embeddedFsync());
        try {
            return new DatabaseLauncher(started, PostgresDatabase.start(started.settings(db.poolSize())));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    PostgresDatabase database() {
        return database;
    }

    /** PostgreSQL's postmaster.pid: line 1 the pid, line 4 the port. */
    static Optional<Integer> runningEmbeddedPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isReadable(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(Integer.parseInt(lines.get(3).trim()));
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops watching first, so the server is not restarted while it is being stopped on purpose. */
    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close();
        }
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
