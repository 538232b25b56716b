package io.ctimw.adapters.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from Maven-packaged binaries, for demos, tests and single-box setups.
 * Its data directory is kept across restarts: starting again on the same directory finds the same rows.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) with its data in {@code dataDirectory},
     * creating the cluster there on first use.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The library turns this off for speed; our data is meant to survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // Our owner stops us in order (after the last write); the library's own hook would
                    // stop the server at JVM exit in parallel, while buffered events are still written.
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedDatabase(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public String user() {
        return USER;
    }

    /** The server trusts local connections, so any password works; this one keeps configs uniform. */
    public String password() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
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
    public void close() {
        try {
            postgres.close();
            LOG.info("embedded PostgreSQL on port {} stopped", port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}
