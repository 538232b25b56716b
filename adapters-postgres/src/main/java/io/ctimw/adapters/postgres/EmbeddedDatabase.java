package io.ctimw.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from Maven-packaged binaries, for demos, tests and single-box setups.
 * Its data directory is kept across restarts: starting again on the same directory finds the same rows.
 * It stops only when {@link #close()} is called: the library's own JVM shutdown hook is off, because
 * it would stop the server while the middleware is still storing its buffered events.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    /** pg_ctl returns once the pid file is gone; the process itself exits a moment later. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final boolean fsync;
    private final int port;
    private EmbeddedPostgres postgres;
    private long pid;

    private EmbeddedDatabase(Path dataDirectory, boolean fsync, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.fsync = fsync;
        this.port = postgres.getPort();
        this.postgres = postgres;
        this.pid = Postmaster.pid(dataDirectory).orElse(-1);
    }

    /** A durable server (fsync on) on {@code port} (0 picks a free one), data in {@code dataDirectory}. */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * Starts a server, creating the cluster on first use. {@code fsync = false} is for tests only: a
     * crash of the machine can then lose committed rows.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean fsync) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        EmbeddedDatabase started = new EmbeddedDatabase(dataDirectory, fsync, launch(dataDirectory, port, fsync));
        LOG.info("embedded PostgreSQL started on port {} with data in {} (fsync {})", started.port,
                dataDirectory, fsync ? "on" : "off");
        return started;
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port, boolean fsync) {
        try {
            Files.createDirectories(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    // The library gives up after 10 s; a busy box, or a restart that replays the log
                    // after a kill, can take longer, and giving up early fails the start for nothing.
                    .setPGStartupWait(STARTUP_WAIT)
                    // The library starts the server with -F (fsync off) for speed; a later -c wins.
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // Our owner stops us in order (after the last write); the library's own hook would
                    // stop the server at JVM exit in parallel, while buffered events are still written.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * Starts the server again on the same port and folder after it died (killed, crashed); PostgreSQL
     * replays its write-ahead log, so every committed row is back.
     */
    public synchronized void restart() {
        try {
            postgres.close(); // releases the library's lock on the folder; the dead server needs no stop
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the dead embedded PostgreSQL: {}", e.toString());
        }
        postgres = launch(dataDirectory, port, fsync);
        pid = Postmaster.pid(dataDirectory).orElse(-1);
    }

    /** Whether the server process started last is still there (a stopped, frozen one still is). */
    public synchronized boolean isRunning() {
        return Postmaster.isAlive(pid);
    }

    /** The server's process id, as PostgreSQL wrote it into {@code postmaster.pid}. */
    public synchronized OptionalLong pid() {
        return pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER;
    }

    public String user() {
        return USER;
    }

    /** The server trusts local connections, so any password works; this one keeps configs uniform. */
    public String password() {
        return USER;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Settings for a {@link PostgresDatabase} on this server. */
    public PostgresSettings settings(int poolSize) {
        return new PostgresSettings(jdbcUrl(), user(), password(), poolSize);
    }

    /** Stops the server cleanly (a checkpoint is written); the data directory stays. */
    @Override
    public synchronized void close() {
        try {
            postgres.close(); // the library logs a failed stop itself, and we silence its logger: check here
            if (!Postmaster.awaitExit(pid, STOP_WAIT)) {
                LOG.warn("embedded PostgreSQL on port {} (pid {}) did not stop", port, pid);
            } else {
                LOG.info("embedded PostgreSQL on port {} stopped", port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}
