package io.ctimw.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's PostgreSQL: a HikariCP pool, the schema brought up to date by Flyway at start,
 * and a {@link Jdbi} for the stores. Starting fails fast with one readable
 * {@link PostgresStartupException}; later outages surface from the stores as
 * {@code StoreUnavailableException} and the pool reconnects by itself once the server is back.
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** Connects, migrates the schema and returns a ready database; the caller closes it. */
    public static PostgresDatabase start(PostgresSettings settings) {
        probe(settings);
        HikariDataSource dataSource = openPool(settings);
        try {
            // Flyway gets connections of its own: it holds one for its lock while migrating on
            // another, which would deadlock a pool of size 1.
            Flyway flyway = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration")
                    .load();
            refuseNewerSchema(flyway, settings);
            MigrateResult result = flyway.migrate();
            LOG.info("PostgreSQL at {} ready: schema version {}, {} migration(s) applied, pool size {}",
                    settings.redactedUrl(), result.targetSchemaVersion == null ? result.initialSchemaVersion
                            : result.targetSchemaVersion, result.migrationsExecuted, settings.poolSize());
            return new PostgresDatabase(dataSource);
        } catch (PostgresStartupException e) {
            dataSource.close();
            throw e;
        } catch (RuntimeException e) {
            dataSource.close();
            String what = SqlFailures.isUnreachable(e) ? "cannot reach PostgreSQL at " : "cannot migrate the schema at ";
            throw new PostgresStartupException(what + settings.redactedUrl() + ": " + SqlFailures.rootMessage(e), e);
        }
    }

    /**
     * A schema written by a newer release (a downgrade) is refused: this code was not written for it,
     * and Flyway on its own would only warn and go on.
     */
    private static void refuseNewerSchema(Flyway flyway, PostgresSettings settings) {
        MigrationInfoService info = flyway.info();
        String newer = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse(null);
        if (newer != null) {
            String known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved())
                    .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("none");
            throw new PostgresStartupException("the schema at " + settings.redactedUrl() + " is at version " + newer
                    + ", newer than this release knows (" + known + "): refusing to start an older release on it;"
                    + " start the release that wrote it, or restore the backup taken before the upgrade", null);
        }
    }

    /**
     * One plain connection first: if the server is not there, the operator gets our one-line message
     * instead of the pool's stack trace, and without the pool's retry delay.
     */
    private static void probe(PostgresSettings settings) {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        props.setProperty("loginTimeout", Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
        try (Connection ignored = DriverManager.getConnection(settings.jdbcUrl(), props)) {
            LOG.debug("PostgreSQL at {} answers", settings.redactedUrl());
        } catch (SQLException e) {
            throw startupFailure(settings, e);
        }
    }

    private static PostgresStartupException startupFailure(PostgresSettings settings, Exception e) {
        String where = SqlFailures.isUnreachable(e)
                ? "cannot reach PostgreSQL at " + settings.redactedUrl()
                : "cannot connect to PostgreSQL at " + settings.redactedUrl() + " as " + settings.user();
        return new PostgresStartupException(where + ": " + SqlFailures.rootMessage(e), e);
    }

    private static HikariDataSource openPool(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cti-postgres");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1000, settings.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(1); // one attempt at start: fail fast rather than hang
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "cti-middleware");
        // A half-open connection (packets dropped, no reset) must fail within a minute, not block
        // threads for the kernel's two-hour keepalive; statements never need anywhere near this long.
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("options", "-c statement_timeout=30000");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw startupFailure(settings, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
