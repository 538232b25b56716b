package io.ctimw.adapters.postgres;

import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.testing.EventStoreContract;
import io.ctimw.core.testing.QuarantineRow;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The {@link EventStoreContract} against the official PostgreSQL image, to catch differences from the
 * embedded binaries (version, locale). Skipped, not failed, where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class JdbiEventStoreContainerTest extends EventStoreContract {
    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    private static PostgresDatabase database;

    @BeforeAll
    static void migrate() {
        database = PostgresDatabase.start(new PostgresSettings(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword(), 4));
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Override
    protected EventStore newEmptyStore() {
        database.jdbi().useHandle(h -> h.execute("truncate events, event_quarantine restart identity;"
                + " update intake_watermark set seq = 0"));
        return new JdbiEventStore(database.jdbi());
    }

    @Override
    protected List<QuarantineRow> quarantinedRows() {
        return QuarantineRows.read(database.jdbi());
    }
}
