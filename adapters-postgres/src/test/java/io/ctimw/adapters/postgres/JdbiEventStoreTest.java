package io.ctimw.adapters.postgres;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.port.out.EventStore;
import io.ctimw.core.testing.EventStoreContract;
import io.ctimw.core.testing.QuarantineRow;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link EventStoreContract} against real PostgreSQL. */
class JdbiEventStoreTest extends EventStoreContract {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected EventStore newEmptyStore() {
        db.truncate();
        return new JdbiEventStore(db.jdbi());
    }

    @Override
    protected List<QuarantineRow> quarantinedRows() {
        return QuarantineRows.read(db.jdbi());
    }
}
